//! The `moderator_added`, `moderator_removed` and `vip_added` messages of
//! `chat_moderator_actions`.

use serde::{Deserialize, Serialize};

/// A user became (or stopped being) a moderator or VIP of the channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModeratorChange {
    /// Id of the channel.
    pub channel_id: String,
    /// Id of the user who was changed.
    pub target_user_id: String,
    /// Login of the user who was changed.
    #[serde(default)]
    pub target_user_login: String,
    /// The command (`mod`, `unmod`); absent for `vip_added`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderation_action: Option<String>,
    /// Id of who made the change.
    #[serde(default)]
    pub created_by_user_id: String,
    /// Login of who made the change.
    #[serde(default)]
    pub created_by: String,
}
