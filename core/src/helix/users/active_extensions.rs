use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::serde_util::null_as_default;

/// A user's active extensions by slot (Get User Active Extensions, Update User
/// Extensions). Each map goes from the slot number (`"1"`, `"2"`, ...) to the
/// extension in that slot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActiveExtensions {
    /// Panel slots.
    #[serde(default, deserialize_with = "null_as_default")]
    pub panel: BTreeMap<String, ActiveExtension>,
    /// Overlay slots.
    #[serde(default, deserialize_with = "null_as_default")]
    pub overlay: BTreeMap<String, ActiveExtension>,
    /// Component slots.
    #[serde(default, deserialize_with = "null_as_default")]
    pub component: BTreeMap<String, ActiveExtension>,
}

/// One extension slot. Only `active` is present for an empty slot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActiveExtension {
    /// Whether an extension is active in the slot.
    #[serde(default)]
    pub active: bool,
    /// Extension id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Extension version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Extension name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Horizontal position of a component extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<i64>,
    /// Vertical position of a component extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<i64>,
}
