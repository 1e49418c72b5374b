//! [Get Hype Train Events](https://dev.twitch.tv/docs/api/reference#get-hype-train-events)

use http::Method;
use serde::{Deserialize, Serialize};

use super::HypeTrainEvent;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `get_hype_train_events`: the broadcaster's current or most recent Hype
/// Train (empty after 5 days without one). Retired by Twitch; built as the seed
/// documents it.
///
/// Auth: user token of the broadcaster with `channel:read:hype_train`. Rule:
/// `first` in 1..=100. `first` is always sent (default 1). The seed's `cursor`
/// is sent as `after`.
///
/// ```
/// use twitchapi_core::helix::{hype_train::GetHypeTrainEvents, Endpoint};
/// let req = GetHypeTrainEvents::new("270954519");
/// assert_eq!(req.query().encode(), "broadcaster_id=270954519&first=1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetHypeTrainEvents {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// Page size, 1 to 100; default 1.
    #[serde(default)]
    pub first: Option<u32>,
    /// Only this event.
    #[serde(default)]
    pub id: Option<String>,
    /// Cursor for forward pagination (query `after`).
    #[serde(default)]
    pub cursor: Option<String>,
}

impl GetHypeTrainEvents {
    /// The Hype Train events of this broadcaster.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetHypeTrainEvents {
            broadcaster_id: broadcaster_id.into(),
            first: None,
            id: None,
            cursor: None,
        }
    }
}

impl Endpoint for GetHypeTrainEvents {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "hypetrain/events";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ChannelReadHypeTrain]));
    const NAME: &'static str = "get_hype_train_events";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "first: integer, default 1",
        "id: string",
        "cursor: string",
    ];
    type Response = Vec<HypeTrainEvent>;

    fn validate(&self) -> Result<(), Error> {
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .push("first", self.first.unwrap_or(1))
            .opt("id", self.id.as_deref())
            .opt("after", self.cursor.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetHypeTrainEvents {
    fn set_after(&mut self, cursor: Option<String>) {
        self.cursor = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::entitlements::retired_example;
    use crate::helix::test_util::*;
    use crate::helix::Paginated;
    use crate::types::HypeTrainContributionMethod;
    use time::macros::datetime;

    #[test]
    fn builds_documented_request() {
        let (documented, _) = retired_example("get-hype-train-events");
        let req = GetHypeTrainEvents::new("270954519");
        assert_eq!(query_of(&req), documented);
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/hypetrain/events?broadcaster_id=270954519&first=1");
        assert_eq!(body, None);
        let mut all = GetHypeTrainEvents {
            first: Some(100),
            id: Some("1b0A".into()),
            ..GetHypeTrainEvents::new("1")
        };
        all.set_after(Some("c".into()));
        assert_eq!(all.cursor.as_deref(), Some("c"));
        assert_eq!(
            build(&all).1,
            "/hypetrain/events?broadcaster_id=1&first=100&id=1b0A&after=c"
        );
        assert_eq!(all.auth().scopes(), &[AuthScope::ChannelReadHypeTrain]);
    }

    #[test]
    fn parses_retired_example() {
        let (_, body) = retired_example("get-hype-train-events");
        let res = parse_ok::<GetHypeTrainEvents>(&body);
        let event = &res.data[0];
        assert_eq!(event.id, "1b0AsbInCHZW2SQFQkCzqN07Ib2");
        assert_eq!(event.event_type, "hypetrain.progression");
        assert_eq!(event.event_timestamp, datetime!(2020-04-24 20:07:24 UTC));
        assert_eq!(event.version, "1.0");
        let data = &event.event_data;
        assert_eq!(data.broadcaster_id, "270954519");
        assert_eq!(
            data.cooldown_end_time,
            datetime!(2020-04-24 20:13:21.003802269 UTC)
        );
        assert_eq!(data.expires_at.unix_timestamp(), 1587759141);
        assert_eq!(data.started_at.unix_timestamp(), 1587758747);
        assert_eq!((data.goal, data.level, data.total), (1800, 2, 600));
        let last = &data.last_contribution;
        assert_eq!(last.contribution_type, HypeTrainContributionMethod::Bits);
        assert_eq!((last.total, last.user.as_str()), (200, "134247454"));
        assert_eq!(data.top_contributions[0].user, "134247450");
        assert!(res.cursor.as_deref().unwrap().starts_with("eyJiIjpudWxs"));
        let json = serde_json::to_value(event).unwrap();
        assert_eq!(json["event_data"]["last_contribution"]["type"], "BITS");
    }

    #[test]
    fn rules() {
        for first in [0, 101] {
            assert_invalid(&GetHypeTrainEvents {
                first: Some(first),
                ..GetHypeTrainEvents::new("1")
            });
        }
        for first in [1, 100] {
            let req = GetHypeTrainEvents {
                first: Some(first),
                ..GetHypeTrainEvents::new("1")
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetHypeTrainEvents =
            serde_json::from_str(r#"{"broadcaster_id":"1","first":5,"id":null,"cursor":"c"}"#)
                .unwrap();
        assert_eq!(req.cursor.as_deref(), Some("c"));
        assert_eq!(req.first, Some(5));
        let unknown = r#"{"broadcaster_id":"1","after":"c"}"#;
        assert!(serde_json::from_str::<GetHypeTrainEvents>(unknown).is_err());
    }
}
