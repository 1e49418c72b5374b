//! [Get Banned Events](https://dev.twitch.tv/docs/api/reference#get-banned-events) (retired by Twitch)

use http::Method;
use serde::{Deserialize, Serialize};

use super::BannedEvent;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `get_banned_events`: bans and unbans in a channel, newest first.
///
/// Retired by Twitch; implemented as the seed documents it. Auth: user token
/// of the broadcaster with `moderation:read`.
/// Rule: `first` in 1..=100; `first` is always sent (default 20).
///
/// ```
/// use twitchapi_core::helix::{moderation::GetBannedEvents, Endpoint};
/// let req = GetBannedEvents::new("198704263");
/// assert_eq!(req.query().encode(), "broadcaster_id=198704263&first=20");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetBannedEvents {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// Only events of this user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
}

impl GetBannedEvents {
    /// The first page of a broadcaster's ban events.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetBannedEvents {
            broadcaster_id: broadcaster_id.into(),
            user_id: None,
            after: None,
            first: None,
        }
    }
}

impl Endpoint for GetBannedEvents {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "moderation/banned/events";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ModerationRead]));
    const NAME: &'static str = "get_banned_events";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "user_id: string",
        "after: string",
        "first: integer, default 20",
    ];
    type Response = Vec<BannedEvent>;

    fn validate(&self) -> Result<(), Error> {
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .opt("user_id", self.user_id.as_deref())
            .opt("after", self.after.as_deref())
            .push("first", self.first.unwrap_or(20));
        q
    }
}

impl crate::helix::Paginated for GetBannedEvents {
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
        let v = vector("get-banned-events");
        let uri = url::Url::parse(v["request_uris_from_tests"][n].as_str().unwrap()).unwrap();
        uri.query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    #[test]
    fn builds_documented_request() {
        let req = GetBannedEvents::new("198704263");
        assert_contains_in_order(&query_of(&req), &retired_query(0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(
            path,
            "/moderation/banned/events?broadcaster_id=198704263&first=20"
        );
        assert_eq!(body, None);
        let all = GetBannedEvents {
            user_id: Some("424596340".into()),
            after: Some("c".into()),
            first: Some(100),
            ..GetBannedEvents::new("1")
        };
        assert_eq!(
            build(&all).1,
            "/moderation/banned/events?broadcaster_id=1&user_id=424596340&after=c&first=100"
        );
    }

    #[test]
    fn parses_documented_example() {
        let body =
            serde_json::to_vec(&vector("get-banned-events")["example_responses"][0]).unwrap();
        let res = parse_ok::<GetBannedEvents>(&body);
        let ban = &res.data[0];
        assert_eq!(ban.id, "1IPFqAb0p0JncbPSTEPhx8JF1Sa");
        assert_eq!(ban.event_type, ModerationEventType::Ban);
        assert_eq!(ban.event_timestamp.unix_timestamp(), 1552492514);
        assert_eq!(ban.version, "1.0");
        assert_eq!(ban.event_data.broadcaster_login, "racageneg");
        assert_eq!(ban.event_data.user_id, "424596340");
        assert_eq!(ban.event_data.expires_at, None);
        assert_eq!(res.data[1].event_type, ModerationEventType::Unban);
        assert!(res.cursor.unwrap().starts_with("eyJiIjpudWxs"));
    }

    #[test]
    fn parses_timeout_expiry() {
        let body = br#"{"data":[{"id":"e","event_type":"moderation.user.ban",
            "event_timestamp":"2019-03-13T15:55:14Z","version":"1.0","event_data":{
            "broadcaster_id":"1","user_id":"2","expires_at":"2019-03-13T16:05:14Z"}}]}"#;
        let event = &parse_ok::<GetBannedEvents>(body).data[0];
        assert_eq!(
            event.event_data.expires_at.map(|t| t.unix_timestamp()),
            Some(1552493114)
        );
        assert_eq!(event.event_data.user_login, "");
    }

    #[test]
    fn rules() {
        for first in [0, 101] {
            assert_invalid(&GetBannedEvents {
                first: Some(first),
                ..GetBannedEvents::new("1")
            });
        }
        for first in [1, 100] {
            let req = GetBannedEvents {
                first: Some(first),
                ..GetBannedEvents::new("1")
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetBannedEvents =
            serde_json::from_str(r#"{"broadcaster_id":"1","user_id":null,"first":5}"#).unwrap();
        assert_eq!(req.first, Some(5));
        assert_eq!(req.user_id, None);
        let unknown = r#"{"broadcaster_id":"1","user_ids":["2"]}"#;
        assert!(serde_json::from_str::<GetBannedEvents>(unknown).is_err());
    }
}
