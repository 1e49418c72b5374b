//! [Get Webhook Subscriptions](https://dev.twitch.tv/docs/api/reference#get-webhook-subscriptions) (retired by Twitch)

use http::Method;
use serde::{Deserialize, Serialize};

use super::WebhookSubscription;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query};
use crate::Error;

/// `get_webhook_subscriptions`: the app's webhook subscriptions, soonest
/// expiry first; the answer's `total` is their number.
///
/// Retired by Twitch (webhooks were replaced by EventSub); implemented as the
/// seed documents it. Auth: app token. Rule: `first` in 1..=100; `first` is
/// always sent (default 20).
///
/// ```
/// use twitchapi_core::helix::{webhooks::GetWebhookSubscriptions, Endpoint};
/// let req = GetWebhookSubscriptions::default();
/// assert_eq!(req.query().encode(), "first=20");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetWebhookSubscriptions {
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
}

impl Endpoint for GetWebhookSubscriptions {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "webhooks/subscriptions";
    const AUTH: Auth = Auth::App;
    const NAME: &'static str = "get_webhook_subscriptions";
    const PARAMS: &'static [&'static str] = &["first: integer, default 20", "after: string"];
    type Response = Vec<WebhookSubscription>;

    fn validate(&self) -> Result<(), Error> {
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetWebhookSubscriptions {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    const FILE: &str = "get-webhook-subscriptions";

    #[test]
    fn builds_documented_request() {
        let v = vector(FILE);
        let documented =
            url::Url::parse(v["request_uris_from_tests"][2].as_str().unwrap()).unwrap();
        let req = GetWebhookSubscriptions::default();
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/webhooks/subscriptions?first=20");
        assert_eq!(
            format!("/helix{}", path.split('?').next().unwrap()),
            documented.path()
        );
        assert_eq!(body, None);
        let page = GetWebhookSubscriptions {
            first: Some(100),
            after: Some("c".into()),
        };
        assert_eq!(build(&page).1, "/webhooks/subscriptions?first=100&after=c");
    }

    #[test]
    fn parses_documented_example() {
        let body = serde_json::to_vec(&vector(FILE)["example_responses"][0]).unwrap();
        let res = parse_ok::<GetWebhookSubscriptions>(&body);
        assert_eq!(res.data.len(), 2);
        let sub = &res.data[0];
        assert_eq!(sub.topic, "https://api.twitch.tv/helix/streams?user_id=123");
        assert_eq!(sub.callback, "http://example.com/your_callback");
        assert_eq!(sub.expires_at.unix_timestamp(), 1532980800);
        assert_eq!(res.data[1].expires_at.unix_timestamp(), 1532980980);
        assert_eq!(res.total, Some(12));
        assert_eq!(
            res.cursor.as_deref(),
            Some("eyJiIjpudWxsLCJhIjp7IkN1cnNvciI6IkFYc2laU0k2TVN3aWFTSTZNWDAifX0")
        );
    }

    #[test]
    fn rules() {
        for first in [0, 101] {
            assert_invalid(&GetWebhookSubscriptions {
                first: Some(first),
                ..Default::default()
            });
        }
        for first in [1, 100] {
            let req = GetWebhookSubscriptions {
                first: Some(first),
                ..Default::default()
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetWebhookSubscriptions =
            serde_json::from_str(r#"{"first":5,"after":null}"#).unwrap();
        assert_eq!(req.first, Some(5));
        assert!(serde_json::from_str::<GetWebhookSubscriptions>(r#"{"cursor":"c"}"#).is_err());
    }
}
