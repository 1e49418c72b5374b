//! The `moderation_action` message of `chat_moderator_actions`: a moderator ran a
//! command (ban, timeout, delete, slow, ...).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A moderation command (`type: moderation_action`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModerationCommand {
    /// What the command acted on: `chat_login_moderation` (a user),
    /// `chat_channel_moderation` (the channel), `chat_targeted_login_moderation`
    /// (sent to the user it targets), ...
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The command: `ban`, `unban`, `timeout`, `untimeout`, `delete`, `clear`,
    /// `slow`, `slowoff`, `followers`, `subscribers`, `emoteonly`, `r9kbeta`,
    /// `mod`, `unmod`, `vip`, `unvip`, `raid`, `unraid`, `delete_notification`,
    /// `modified_automod_properties`, ... (as sent).
    pub moderation_action: String,
    /// The command's arguments (`null` on the wire for none).
    #[serde(default)]
    pub args: Option<Vec<String>>,
    /// Login of the moderator; absent when sent to the targeted user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    /// Id of the moderator; absent when sent to the targeted user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_user_id: Option<String>,
    /// When the command ran (sent for some commands; `""` means none).
    #[serde(
        default,
        with = "crate::serde_util::rfc3339_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<OffsetDateTime>,
    /// Id of the chat message acted on, `""` if none.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub msg_id: String,
    /// Id of the user acted on, `""` if none.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub target_user_id: String,
    /// Login of the user acted on, often `""` (see `args`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub target_user_login: String,
    /// Whether AutoMod did it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_automod: Option<bool>,
}
