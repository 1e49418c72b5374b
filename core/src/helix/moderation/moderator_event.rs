use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::rfc3339;
use crate::types::ModerationEventType;

/// A moderator being added or removed (Get Moderator Events, retired by Twitch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModeratorEvent {
    /// Event id.
    pub id: String,
    /// `moderation.moderator.add` or `moderation.moderator.remove`.
    pub event_type: ModerationEventType,
    /// When the event happened.
    #[serde(with = "rfc3339")]
    pub event_timestamp: OffsetDateTime,
    /// Version of the event data.
    #[serde(default)]
    pub version: String,
    /// Who was added or removed where.
    pub event_data: ModeratorEventData,
}

/// The data of a [`ModeratorEvent`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModeratorEventData {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// The broadcaster's login.
    #[serde(default)]
    pub broadcaster_login: String,
    /// The broadcaster's display name.
    #[serde(default)]
    pub broadcaster_name: String,
    /// The user id of the added or removed moderator.
    pub user_id: String,
    /// The login of the added or removed moderator.
    #[serde(default)]
    pub user_login: String,
    /// The display name of the added or removed moderator.
    #[serde(default)]
    pub user_name: String,
}
