//! [Get Banned Users](https://dev.twitch.tv/docs/api/reference#get-banned-users)

use http::Method;
use serde::{Deserialize, Serialize};

use super::BannedUser;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `get_banned_users`: users banned or timed out in a channel.
///
/// Auth: user token of the broadcaster with `moderation:read` or
/// `moderator:manage:banned_users` (either one is enough). Rule: `first` in
/// 1..=100; `first` is always sent (default 20).
///
/// ```
/// use twitchapi_core::helix::{moderation::GetBannedUsers, Endpoint};
/// let req = GetBannedUsers::new("198704263");
/// assert_eq!(req.query().encode(), "broadcaster_id=198704263&first=20");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetBannedUsers {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// Only this user, if banned.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
    /// Cursor for backward pagination.
    #[serde(default)]
    pub before: Option<String>,
}

impl GetBannedUsers {
    /// The first page of a broadcaster's banned users.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetBannedUsers {
            broadcaster_id: broadcaster_id.into(),
            user_id: None,
            after: None,
            first: None,
            before: None,
        }
    }
}

impl Endpoint for GetBannedUsers {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "moderation/banned";
    const AUTH: Auth = Auth::User(Scopes::Any(&[
        AuthScope::ModerationRead,
        AuthScope::ModeratorManageBannedUsers,
    ]));
    const NAME: &'static str = "get_banned_users";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "user_id: string",
        "after: string",
        "first: integer, default 20",
        "before: string",
    ];
    type Response = Vec<BannedUser>;

    fn validate(&self) -> Result<(), Error> {
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .opt("user_id", self.user_id.as_deref())
            .push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref())
            .opt("before", self.before.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetBannedUsers {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }

    fn set_before(&mut self, cursor: Option<String>) {
        self.before = cursor;
    }

    fn walks_backward(&self) -> bool {
        self.before.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = GetBannedUsers::new("198704263");
        assert_contains_in_order(&query_of(&req), &documented_query("get-banned-users", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/moderation/banned?broadcaster_id=198704263&first=20");
        assert_eq!(body, None);
        let all = GetBannedUsers {
            user_id: Some("423374343".into()),
            after: Some("a".into()),
            first: Some(1),
            before: Some("b".into()),
            ..GetBannedUsers::new("1")
        };
        assert_eq!(
            build(&all).1,
            "/moderation/banned?broadcaster_id=1&user_id=423374343&first=1&after=a&before=b"
        );
    }

    #[test]
    fn either_scope_is_enough() {
        let req = GetBannedUsers::new("1");
        assert_eq!(
            req.auth(),
            Auth::User(Scopes::Any(&[
                AuthScope::ModerationRead,
                AuthScope::ModeratorManageBannedUsers
            ]))
        );
        let rule = req.auth().required();
        assert!(rule.satisfied_by(&[AuthScope::ModeratorManageBannedUsers]));
        assert!(rule.satisfied_by(&[AuthScope::ModerationRead]));
        assert!(!rule.satisfied_by(&[AuthScope::ModeratorReadBannedUsers]));
        assert!(!rule.satisfied_by(&[]));
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetBannedUsers>(&example_body("get-banned-users", 0));
        let user = &res.data[0];
        assert_eq!(user.user_id, "423374343");
        assert_eq!(user.user_login, "glowillig");
        assert_eq!(
            user.expires_at.map(|t| t.unix_timestamp()),
            Some(1647309628)
        );
        assert_eq!(
            user.created_at.map(|t| t.unix_timestamp()),
            Some(1647307828)
        );
        assert_eq!(user.reason, "Does not like pineapple on pizza.");
        assert_eq!(user.moderator_name, "TwitchDev");
        assert_eq!(res.data[1].reason, "Inappropriate words.");
        assert!(res.cursor.is_some());
    }

    #[test]
    fn permanent_ban_and_seed_era_answer() {
        let body = br#"{"data":[{"user_id":"1","user_login":"a","user_name":"A","expires_at":""}],
            "pagination":{}}"#;
        let res = parse_ok::<GetBannedUsers>(body);
        assert_eq!(res.data[0].expires_at, None);
        assert_eq!(res.data[0].created_at, None);
        assert_eq!(res.data[0].moderator_id, "");
        assert_eq!(res.cursor, None);
    }

    #[test]
    fn rules() {
        for first in [0, 101] {
            assert_invalid(&GetBannedUsers {
                first: Some(first),
                ..GetBannedUsers::new("1")
            });
        }
        for first in [1, 100] {
            let req = GetBannedUsers {
                first: Some(first),
                ..GetBannedUsers::new("1")
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetBannedUsers =
            serde_json::from_str(r#"{"broadcaster_id":"1","before":"b","after":null}"#).unwrap();
        assert_eq!(req.before.as_deref(), Some("b"));
        assert_eq!(req.after, None);
        assert!(serde_json::from_str::<GetBannedUsers>(r#"{"user_id":"2"}"#).is_err());
        let unknown = r#"{"broadcaster_id":"1","moderator_id":"2"}"#;
        assert!(serde_json::from_str::<GetBannedUsers>(unknown).is_err());
    }
}
