use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::rfc3339;

/// One follower of a channel (Get Channel Followers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelFollower {
    /// Id of the following user.
    pub user_id: String,
    /// Login of the following user.
    #[serde(default)]
    pub user_login: String,
    /// Display name of the following user.
    #[serde(default)]
    pub user_name: String,
    /// When the follow started.
    #[serde(with = "rfc3339")]
    pub followed_at: OffsetDateTime,
}
