use serde::{Deserialize, Serialize};

use crate::serde_util::null_as_empty;

/// An extension a user installed, active or not (Get User Extensions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserExtension {
    /// Extension id.
    pub id: String,
    /// Extension version.
    #[serde(default)]
    pub version: String,
    /// Extension name.
    #[serde(default)]
    pub name: String,
    /// Whether the user can activate the extension.
    #[serde(default)]
    pub can_activate: bool,
    /// Where the extension can be shown: `"component"`, `"mobile"`, `"panel"`,
    /// `"overlay"` (Twitch's key `type`).
    #[serde(rename = "type", default, deserialize_with = "null_as_empty")]
    pub extension_type: Vec<String>,
}
