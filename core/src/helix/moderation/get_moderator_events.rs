//! [Get Moderator Events](https://dev.twitch.tv/docs/api/reference#get-moderator-events) (retired by Twitch)

use http::Method;
use serde::{Deserialize, Serialize};

use super::ModeratorEvent;
use crate::helix::endpoint::{check_first, check_max_len};
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::null_as_empty;
use crate::{AuthScope, Error};

/// `get_moderator_events`: moderators added to and removed from a channel.
///
/// Retired by Twitch; implemented as the seed documents it. Auth: user token
/// of the broadcaster with `moderation:read`. Rules: at most 100 `user_ids`;
/// `first` in 1..=100; `first` is always sent (default 20).
///
/// ```
/// use twitchapi_core::helix::{moderation::GetModeratorEvents, Endpoint};
/// let mut req = GetModeratorEvents::new("198704263");
/// req.user_ids = vec!["1".into(), "2".into()];
/// assert_eq!(
///     req.query().encode(),
///     "broadcaster_id=198704263&user_id=1&user_id=2&first=20"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetModeratorEvents {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// Only events of these users, at most 100 (query `user_id`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub user_ids: Vec<String>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
}

impl GetModeratorEvents {
    /// The first page of a broadcaster's moderator events.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetModeratorEvents {
            broadcaster_id: broadcaster_id.into(),
            user_ids: Vec::new(),
            after: None,
            first: None,
        }
    }
}

impl Endpoint for GetModeratorEvents {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "moderation/moderators/events";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ModerationRead]));
    const NAME: &'static str = "get_moderator_events";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "user_ids: [string]",
        "after: string",
        "first: integer, default 20",
    ];
    type Response = Vec<ModeratorEvent>;

    fn validate(&self) -> Result<(), Error> {
        check_max_len("user_ids", &self.user_ids, 100)?;
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .list("user_id", &self.user_ids)
            .opt("after", self.after.as_deref())
            .push("first", self.first.unwrap_or(20));
        q
    }
}

impl crate::helix::Paginated for GetModeratorEvents {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;
    use crate::types::ModerationEventType;

    fn retired_query(n: usize) -> Vec<(String, String)> {
        let v = vector("get-moderator-events");
        let uri = url::Url::parse(v["request_uris_from_tests"][n].as_str().unwrap()).unwrap();
        uri.query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    #[test]
    fn builds_documented_request() {
        let req = GetModeratorEvents::new("198704263");
        assert_contains_in_order(&query_of(&req), &retired_query(0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(
            path,
            "/moderation/moderators/events?broadcaster_id=198704263&first=20"
        );
        assert_eq!(body, None);
        let all = GetModeratorEvents {
            user_ids: vec!["1".into(), "2".into()],
            after: Some("c".into()),
            first: Some(100),
            ..GetModeratorEvents::new("9")
        };
        assert_eq!(
            build(&all).1,
            "/moderation/moderators/events?broadcaster_id=9&user_id=1&user_id=2&after=c&first=100"
        );
    }

    #[test]
    fn parses_documented_example() {
        let v = vector("get-moderator-events");
        let body = serde_json::to_vec(&v["example_responses"][0]).unwrap();
        let res = parse_ok::<GetModeratorEvents>(&body);
        assert_eq!(res.data.len(), 3);
        let removed = &res.data[0];
        assert_eq!(removed.id, "1IVBTnDSUDApiBQW4UBcVTK4hPr");
        assert_eq!(removed.event_type, ModerationEventType::ModeratorRemove);
        assert_eq!(removed.event_timestamp.unix_timestamp(), 1552673894);
        assert_eq!(removed.version, "1.0");
        assert_eq!(removed.event_data.broadcaster_name, "aan22209");
        assert_eq!(removed.event_data.user_login, "glowillig");
        assert_eq!(res.data[1].event_type, ModerationEventType::ModeratorAdd);
        assert_eq!(res.data[2].event_data.user_id, "424596340");
        assert!(res.cursor.is_some());
    }

    #[test]
    fn rules() {
        let ids = |n: usize| (0..n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert_invalid(&GetModeratorEvents {
            user_ids: ids(101),
            ..GetModeratorEvents::new("1")
        });
        let hundred = GetModeratorEvents {
            user_ids: ids(100),
            ..GetModeratorEvents::new("1")
        };
        assert!(hundred.validate().is_ok());
        for first in [0, 101] {
            assert_invalid(&GetModeratorEvents {
                first: Some(first),
                ..GetModeratorEvents::new("1")
            });
        }
        for first in [1, 100] {
            let req = GetModeratorEvents {
                first: Some(first),
                ..GetModeratorEvents::new("1")
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetModeratorEvents =
            serde_json::from_str(r#"{"broadcaster_id":"1","user_ids":null,"first":3}"#).unwrap();
        assert!(req.user_ids.is_empty());
        assert_eq!(req.first, Some(3));
        let unknown = r#"{"broadcaster_id":"1","user_id":["2"]}"#;
        assert!(serde_json::from_str::<GetModeratorEvents>(unknown).is_err());
    }
}
