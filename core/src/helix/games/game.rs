use serde::{Deserialize, Serialize};

/// A game or category (Get Games, Get Top Games).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Game {
    /// Category id.
    pub id: String,
    /// Category name.
    pub name: String,
    /// Box art URL template with `{width}` and `{height}`.
    #[serde(default)]
    pub box_art_url: String,
    /// IGDB id, `""` when unknown.
    #[serde(default)]
    pub igdb_id: String,
}
