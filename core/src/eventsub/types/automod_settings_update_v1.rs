//! `automod.settings.update` version 1. The automod.settings.update
//! subscription type sends a notification when a broadcaster’s automod settings
//! are updated.

use serde::{Deserialize, Serialize};

/// The condition of a `automod.settings.update` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodSettingsUpdateV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
    /// User ID of the moderator.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub moderator_user_id: String,
}

impl AutomodSettingsUpdateV1Condition {
    /// A condition with its required fields.
    pub fn new(
        broadcaster_user_id: impl Into<String>,
        moderator_user_id: impl Into<String>,
    ) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
            moderator_user_id: moderator_user_id.into(),
        }
    }
}

/// A `automod.settings.update` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodSettingsUpdateV1Event {
    /// The data.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub data: Vec<AutomodSettingsUpdateV1Data>,
}

/// One of the `data` of a `automod.settings.update` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodSettingsUpdateV1Data {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// User ID of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_id: String,
    /// Display name of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_name: String,
    /// Login of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_login: String,
    /// The overall AutoMod level (`None` when the levels differ).
    #[serde(default)]
    pub overall_level: Option<u64>,
    /// The disability (`disability`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub disability: u64,
    /// The aggression (`aggression`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub aggression: u64,
    /// The sexuality sex or gender (`sexuality_sex_or_gender`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sexuality_sex_or_gender: u64,
    /// The misogyny (`misogyny`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub misogyny: u64,
    /// The bullying (`bullying`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub bullying: u64,
    /// The swearing (`swearing`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub swearing: u64,
    /// The race ethnicity or religion (`race_ethnicity_or_religion`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub race_ethnicity_or_religion: u64,
    /// The sex based terms (`sex_based_terms`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sex_based_terms: u64,
}
