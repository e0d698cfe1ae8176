//! Places: the embedded GeoNames gazetteer, and tagging articles with the places they are
//! about. Tagging reads an extracted article and never touches the index.

pub mod about;
pub mod gazetteer;
pub mod geoparse;
pub mod learn;
mod mentions;
pub mod normalize;
mod resolve;
mod tagger;
mod words;

pub use gazetteer::{Entry, Gazetteer, PlaceKind, distance_km, gazetteer};
pub use geoparse::{article_mentions, place_mentions};
pub use normalize::normalize_name;
pub use resolve::{Resolution, describe, how_to_pick, id_path, id_paths_within, resolve_place};
pub use tagger::tag_places;
