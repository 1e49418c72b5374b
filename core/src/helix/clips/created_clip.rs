use serde::{Deserialize, Serialize};

/// A clip being created (Create Clip).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatedClip {
    /// The new clip's id.
    pub id: String,
    /// URL of the page where the clip can be edited.
    #[serde(default)]
    pub edit_url: String,
}
