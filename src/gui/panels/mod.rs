//! The panels around the map. Each reads `&AppState` and pushes commands; none writes state.

pub mod about;
pub mod documents;
pub mod event_list;
pub mod places;
pub mod status_bar;
pub mod text_view;
pub mod time_axis;
pub mod timeline;
pub mod top_bar;
