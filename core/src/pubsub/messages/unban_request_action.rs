//! The `approve_unban_request` and `deny_unban_request` messages of
//! `chat_moderator_actions`.

use serde::{Deserialize, Serialize};

/// A moderator answered an unban request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnbanRequestAction {
    /// `APPROVE_UNBAN_REQUEST` or `DENY_UNBAN_REQUEST` (as sent).
    pub moderation_action: String,
    /// Id of the moderator.
    pub created_by_id: String,
    /// Login of the moderator.
    #[serde(default)]
    pub created_by_login: String,
    /// The moderator's note to the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_message: String,
    /// Id of the user who asked to be unbanned.
    pub target_user_id: String,
    /// Login of the user who asked to be unbanned.
    #[serde(default)]
    pub target_user_login: String,
}
