//! [Get Moderators](https://dev.twitch.tv/docs/api/reference#get-moderators)

use http::Method;
use serde::{Deserialize, Serialize};

use super::Moderator;
use crate::helix::endpoint::{check_first, check_max_len};
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::null_as_empty;
use crate::{AuthScope, Error};

/// `get_moderators`: the moderators of a channel.
///
/// Auth: user token of the broadcaster with `moderation:read` or
/// `channel:manage:moderators` (either one is enough). Rules: at most 100
/// `user_ids`; `first` in 1..=100; `first` is always sent (default 20).
///
/// ```
/// use twitchapi_core::helix::{moderation::GetModerators, Endpoint};
/// let req = GetModerators::new("198704263");
/// assert_eq!(req.query().encode(), "broadcaster_id=198704263&first=20");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetModerators {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// Only these users, if they are moderators; at most 100 (query `user_id`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub user_ids: Vec<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
}

impl GetModerators {
    /// The first page of a broadcaster's moderators.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetModerators {
            broadcaster_id: broadcaster_id.into(),
            user_ids: Vec::new(),
            first: None,
            after: None,
        }
    }
}

impl Endpoint for GetModerators {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "moderation/moderators";
    const AUTH: Auth = Auth::User(Scopes::Any(&[
        AuthScope::ModerationRead,
        AuthScope::ChannelManageModerators,
    ]));
    const NAME: &'static str = "get_moderators";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "user_ids: [string]",
        "first: integer, default 20",
        "after: string",
    ];
    type Response = Vec<Moderator>;

    fn validate(&self) -> Result<(), Error> {
        check_max_len("user_ids", &self.user_ids, 100)?;
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .list("user_id", &self.user_ids)
            .push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetModerators {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = GetModerators::new("198704263");
        assert_contains_in_order(&query_of(&req), &documented_query("get-moderators", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(
            path,
            "/moderation/moderators?broadcaster_id=198704263&first=20"
        );
        assert_eq!(body, None);
        let all = GetModerators {
            user_ids: vec!["1".into(), "2".into()],
            first: Some(5),
            after: Some("c".into()),
            ..GetModerators::new("9")
        };
        assert_eq!(
            build(&all).1,
            "/moderation/moderators?broadcaster_id=9&user_id=1&user_id=2&first=5&after=c"
        );
    }

    #[test]
    fn either_scope_is_enough() {
        let req = GetModerators::new("1");
        assert_eq!(
            req.auth(),
            Auth::User(Scopes::Any(&[
                AuthScope::ModerationRead,
                AuthScope::ChannelManageModerators
            ]))
        );
        let rule = req.auth().required();
        assert!(rule.satisfied_by(&[AuthScope::ChannelManageModerators]));
        assert!(rule.satisfied_by(&[AuthScope::ModerationRead]));
        assert!(!rule.satisfied_by(&[AuthScope::ModeratorReadModerators]));
        assert!(!rule.satisfied_by(&[]));
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetModerators>(&example_body("get-moderators", 0));
        assert_eq!(res.data.len(), 1);
        assert_eq!(res.data[0].user_id, "424596340");
        assert_eq!(res.data[0].user_login, "quotrok");
        assert_eq!(res.data[0].user_name, "quotrok");
        assert!(res.cursor.unwrap().starts_with("eyJiIjpudWxs"));
    }

    #[test]
    fn rules() {
        let ids = |n: usize| (0..n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert_invalid(&GetModerators {
            user_ids: ids(101),
            ..GetModerators::new("1")
        });
        let hundred = GetModerators {
            user_ids: ids(100),
            ..GetModerators::new("1")
        };
        assert!(hundred.validate().is_ok());
        for first in [0, 101] {
            assert_invalid(&GetModerators {
                first: Some(first),
                ..GetModerators::new("1")
            });
        }
        for first in [1, 100] {
            let req = GetModerators {
                first: Some(first),
                ..GetModerators::new("1")
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetModerators =
            serde_json::from_str(r#"{"broadcaster_id":"1","user_ids":["2","3"]}"#).unwrap();
        assert_eq!(req.user_ids, vec!["2", "3"]);
        let unknown = r#"{"broadcaster_id":"1","user_id":["2"]}"#;
        assert!(serde_json::from_str::<GetModerators>(unknown).is_err());
    }
}
