//! `user.whisper.message` version 1. The user.whisper.message subscription type
//! sends a notification when a user receives a whisper. Event Triggers - Anyone
//! whispers the specified user.

use serde::{Deserialize, Serialize};

/// The condition of a `user.whisper.message` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserWhisperMessageV1Condition {
    /// User ID of the user.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub user_id: String,
}

impl UserWhisperMessageV1Condition {
    /// A condition with its required fields.
    pub fn new(user_id: impl Into<String>) -> Self {
        Self {
            user_id: user_id.into(),
        }
    }
}

/// A `user.whisper.message` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserWhisperMessageV1Event {
    /// User ID of the from.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub from_user_id: String,
    /// Login of the from.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub from_user_login: String,
    /// Display name of the from.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub from_user_name: String,
    /// User ID of the to.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub to_user_id: String,
    /// Login of the to.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub to_user_login: String,
    /// Display name of the to.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub to_user_name: String,
    /// ID of the whisper.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub whisper_id: String,
    /// The whisper (`whisper`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub whisper: UserWhisperMessageV1Whisper,
}

/// The `whisper` object of a `user.whisper.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserWhisperMessageV1Whisper {
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
}
