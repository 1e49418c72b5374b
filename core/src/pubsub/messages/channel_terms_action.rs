//! The `channel_terms_action` message of `chat_moderator_actions`: a blocked or
//! permitted term was added or removed.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A change to the channel's blocked or permitted terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelTermsAction {
    /// What changed: `add_blocked_term`, `delete_blocked_term`,
    /// `add_permitted_term`, `delete_permitted_term` (as sent).
    #[serde(rename = "type")]
    pub kind: String,
    /// Id of the term.
    pub id: String,
    /// The term.
    pub text: String,
    /// Id of who made the change.
    #[serde(default)]
    pub requester_id: String,
    /// Login of who made the change.
    #[serde(default)]
    pub requester_login: String,
    /// Id of the channel.
    pub channel_id: String,
    /// When the term expires; `None` (`""` on the wire) when it does not.
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub expires_at: Option<OffsetDateTime>,
    /// When the term was changed.
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub updated_at: Option<OffsetDateTime>,
    /// Whether the change came from AutoMod (a moderator's decision on a held message).
    #[serde(default)]
    pub from_automod: bool,
}
