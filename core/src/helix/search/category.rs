use serde::{Deserialize, Serialize};

/// A game or category found by Search Categories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Category {
    /// Category id.
    pub id: String,
    /// Category name.
    pub name: String,
    /// Box art URL.
    #[serde(default)]
    pub box_art_url: String,
}
