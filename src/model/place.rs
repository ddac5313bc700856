use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{PlaceId, Position};

/// Candidates this close to a place, in its country, count as the same place (see
/// [`Place::is_same_place_as`]).
pub const SAME_PLACE_KM: f64 = 60.0;

/// What sort of feature a place is.
///
/// Finer than the four map colours ([`PlaceCategory`]) because resolution weighs kinds
/// differently: news names countries and states far more often than hamlets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A continent (Africa, Asia, ...).
    Continent,
    /// A named region larger or fuzzier than a country ("Middle East", "Western Europe").
    Region,
    /// A sovereign state or dependency.
    Country,
    /// A first-level subdivision: state, province, oblast, region.
    Admin1,
    /// A second-level subdivision: county, district, rayon.
    Admin2,
    /// A populated place: city, town, village.
    City,
    /// An airport.
    Airport,
    /// A sea, ocean, gulf, bay, strait, river or lake.
    Water,
    /// A mountain, range, island, peninsula, desert or valley.
    Landform,
    /// A built feature: cosmodrome, border crossing, bridge, dam, base.
    Facility,
}

/// The four groups the map and text viewer colour places by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceCategory {
    /// Countries.
    Country,
    /// Continents, regions and administrative subdivisions.
    Region,
    /// Populated places.
    City,
    /// Natural and built features: seas, rivers, mountains, airports, crossings.
    Landmark,
}

impl PlaceKind {
    /// Every kind, in declaration order.
    pub const ALL: [PlaceKind; 10] = [
        Self::Continent,
        Self::Region,
        Self::Country,
        Self::Admin1,
        Self::Admin2,
        Self::City,
        Self::Airport,
        Self::Water,
        Self::Landform,
        Self::Facility,
    ];

    /// The map colour group.
    pub fn category(self) -> PlaceCategory {
        match self {
            Self::Country => PlaceCategory::Country,
            Self::Continent | Self::Region | Self::Admin1 | Self::Admin2 => PlaceCategory::Region,
            Self::City => PlaceCategory::City,
            Self::Airport | Self::Water | Self::Landform | Self::Facility => {
                PlaceCategory::Landmark
            }
        }
    }

    /// The GeoNames feature class letter this kind corresponds to
    /// (A admin, P populated place, H water, T terrain, S spot/building, L area).
    pub fn feature_class(self) -> char {
        match self {
            Self::Country | Self::Admin1 | Self::Admin2 => 'A',
            Self::City => 'P',
            Self::Water => 'H',
            Self::Landform => 'T',
            Self::Airport | Self::Facility => 'S',
            Self::Continent | Self::Region => 'L',
        }
    }

    /// The name used in exports and the UI ("admin1", "city", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Continent => "continent",
            Self::Region => "region",
            Self::Country => "country",
            Self::Admin1 => "admin1",
            Self::Admin2 => "admin2",
            Self::City => "city",
            Self::Airport => "airport",
            Self::Water => "water",
            Self::Landform => "landform",
            Self::Facility => "facility",
        }
    }

    /// A human label ("state or province", "city or town").
    pub fn label(self) -> &'static str {
        match self {
            Self::Continent => "continent",
            Self::Region => "region",
            Self::Country => "country",
            Self::Admin1 => "state or province",
            Self::Admin2 => "county or district",
            Self::City => "city or town",
            Self::Airport => "airport",
            Self::Water => "body of water",
            Self::Landform => "landform",
            Self::Facility => "facility",
        }
    }
}

/// A resolved place: everything the exporters and the map need, copied out of the gazetteer
/// so that a [`crate::model::Document`] stands on its own.
///
/// The strings are shared (`Arc<str>`): one place is the answer or an alternative of many
/// mentions, and a clone per mention must not copy its names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Stable public id.
    pub id: PlaceId,
    /// Preferred English name ("Blagoveshchensk").
    pub name: Arc<str>,
    /// Feature kind.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code, when the place lies in one country.
    pub country: Option<Arc<str>>,
    /// Name of the first-level subdivision it lies in ("Amur Oblast"), when known.
    pub admin1: Option<Arc<str>>,
    /// Population (0 when unknown or not applicable).
    pub population: u64,
    /// Representative point (x = longitude, y = latitude).
    pub position: Position,
}

impl Place {
    /// True when `other` is this place at another level or a neighbouring feature within
    /// [`SAME_PLACE_KM`] in the same country (Moscow the city and Moscow the federal subject,
    /// Seoul and Seoul-si): the same answer to "where", not a rival.
    pub fn is_same_place_as(&self, other: &Place) -> bool {
        self.is_same_place_at(other.country.as_deref(), other.position)
    }

    /// [`Self::is_same_place_as`] for a place known only by its country and point, so that a
    /// candidate need not be copied out of the gazetteer to be compared.
    pub fn is_same_place_at(&self, country: Option<&str>, position: Position) -> bool {
        self.country.is_some()
            && self.country.as_deref() == country
            && crate::geodesy::distance_km(self.position, position) <= SAME_PLACE_KM
    }

    /// Latitude in degrees.
    pub fn lat(&self) -> f64 {
        self.position.y()
    }

    /// Longitude in degrees.
    pub fn lon(&self) -> f64 {
        self.position.x()
    }

    /// "Blagoveshchensk, Amur Oblast, RU": name with its context, for lists and tooltips.
    pub fn qualified_name(&self) -> String {
        let mut out = self.name.to_string();
        if let Some(admin1) = self.admin1.as_deref().filter(|a| *a != &*self.name) {
            out.push_str(", ");
            out.push_str(admin1);
        }
        if let Some(country) = self.country.as_deref().filter(|_| self.kind != PlaceKind::Country) {
            out.push_str(", ");
            out.push_str(country);
        }
        out
    }
}
