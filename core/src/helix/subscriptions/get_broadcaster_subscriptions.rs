//! [Get Broadcaster Subscriptions](https://dev.twitch.tv/docs/api/reference#get-broadcaster-subscriptions)

use http::Method;
use serde::{Deserialize, Serialize};

use super::Subscription;
use crate::helix::endpoint::{check_first, check_max_len};
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::null_as_empty;
use crate::{AuthScope, Error};

/// `get_broadcaster_subscriptions`: a broadcaster's subscribers; the answer's
/// `total` is the number of subscriptions.
///
/// Auth: user token of the broadcaster with `channel:read:subscriptions`
/// (Twitch also lets an extension use its app token once the broadcaster granted
/// that scope in the Extensions manager; an app token carries no scopes we could
/// check, so that case is not modelled). Rules: at most 100 `user_ids`; `first` in 1..=100; `first` is always sent
/// (default 20).
///
/// ```
/// use twitchapi_core::helix::{subscriptions::GetBroadcasterSubscriptions, Endpoint};
/// let req = GetBroadcasterSubscriptions::new("141981764");
/// assert_eq!(req.query().encode(), "broadcaster_id=141981764&first=20");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetBroadcasterSubscriptions {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// Only the subscriptions of these users, at most 100 (query `user_id`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub user_ids: Vec<String>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
}

impl GetBroadcasterSubscriptions {
    /// The first page of a broadcaster's subscriptions.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetBroadcasterSubscriptions {
            broadcaster_id: broadcaster_id.into(),
            user_ids: Vec::new(),
            after: None,
            first: None,
        }
    }
}

impl Endpoint for GetBroadcasterSubscriptions {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "subscriptions";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ChannelReadSubscriptions]));
    const NAME: &'static str = "get_broadcaster_subscriptions";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "user_ids: [string]",
        "after: string",
        "first: integer, default 20",
    ];
    type Response = Vec<Subscription>;

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

impl crate::helix::Paginated for GetBroadcasterSubscriptions {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    const FILE: &str = "get-broadcaster-subscriptions";

    #[test]
    fn builds_documented_request() {
        let req = GetBroadcasterSubscriptions::new("141981764");
        assert_contains_in_order(&query_of(&req), &documented_query(FILE, 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/subscriptions?broadcaster_id=141981764&first=20");
        assert_eq!(body, None);
        let all = GetBroadcasterSubscriptions {
            user_ids: vec!["1".into(), "2".into()],
            after: Some("c".into()),
            first: Some(100),
            ..GetBroadcasterSubscriptions::new("9")
        };
        assert_eq!(
            build(&all).1,
            "/subscriptions?broadcaster_id=9&user_id=1&user_id=2&first=100&after=c"
        );
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetBroadcasterSubscriptions>(&example_body(FILE, 0));
        let sub = &res.data[0];
        assert_eq!(sub.broadcaster_login, "twitchdev");
        assert_eq!(sub.gifter_id, "12826");
        assert_eq!(sub.gifter_name, "Twitch");
        assert!(sub.is_gift);
        assert_eq!(sub.tier, "1000");
        assert_eq!(sub.plan_name, "Channel Subscription (twitchdev)");
        assert_eq!(sub.user_login, "twitchgaming");
        assert_eq!(res.total, Some(13));
        assert_eq!(res.cursor.as_deref(), Some("xxxx"));
    }

    #[test]
    fn rules() {
        let ids = |n: usize| (0..n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert_invalid(&GetBroadcasterSubscriptions {
            user_ids: ids(101),
            ..GetBroadcasterSubscriptions::new("1")
        });
        let hundred = GetBroadcasterSubscriptions {
            user_ids: ids(100),
            ..GetBroadcasterSubscriptions::new("1")
        };
        assert!(hundred.validate().is_ok());
        for first in [0, 101] {
            assert_invalid(&GetBroadcasterSubscriptions {
                first: Some(first),
                ..GetBroadcasterSubscriptions::new("1")
            });
        }
        for first in [1, 100] {
            let req = GetBroadcasterSubscriptions {
                first: Some(first),
                ..GetBroadcasterSubscriptions::new("1")
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetBroadcasterSubscriptions =
            serde_json::from_str(r#"{"broadcaster_id":"1","user_ids":null,"first":null}"#).unwrap();
        assert_eq!(req, GetBroadcasterSubscriptions::new("1"));
        let unknown = r#"{"broadcaster_id":"1","user_id":["2"]}"#;
        assert!(serde_json::from_str::<GetBroadcasterSubscriptions>(unknown).is_err());
    }
}
