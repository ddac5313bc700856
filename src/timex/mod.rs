//! Time expressions: recognition and TIMEX3 normalisation.
