use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::serde_util::null_as_default;

/// A stream tag (Get All Stream Tags, Get Stream Tags; deprecated by Twitch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StreamTag {
    /// Tag id.
    pub tag_id: String,
    /// Whether Twitch applies the tag automatically (it cannot be set by hand).
    #[serde(default)]
    pub is_auto: bool,
    /// Tag name by locale (`"en-us"` → `"English"`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub localization_names: BTreeMap<String, String>,
    /// Tag description by locale.
    #[serde(default, deserialize_with = "null_as_default")]
    pub localization_descriptions: BTreeMap<String, String>,
}
