use serde::{Deserialize, Serialize};

/// A moderator of a channel (Get Moderators).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Moderator {
    /// The moderator's user id.
    pub user_id: String,
    /// The moderator's login.
    #[serde(default)]
    pub user_login: String,
    /// The moderator's display name.
    #[serde(default)]
    pub user_name: String,
}
