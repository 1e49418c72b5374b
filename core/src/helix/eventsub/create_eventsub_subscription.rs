//! [Create EventSub Subscription](https://dev.twitch.tv/docs/api/reference#create-eventsub-subscription)

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::subscriptions::{self, EventSubSubscriptions};
use crate::eventsub::types::{parse_condition, required_scopes, EventSubCondition};
use crate::eventsub::webhook::check_secret;
use crate::helix::{Auth, Endpoint, Parsed, Query, Scopes};
use crate::{Error, Secret};

/// How the events of a new subscription are to reach the subscriber.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "lowercase", deny_unknown_fields)]
#[non_exhaustive]
pub enum TransportRequest {
    /// Posted to `callback`, signed with `secret` (10 to 100 ASCII characters).
    Webhook {
        /// An https URL (http is accepted for 127.0.0.1 and localhost).
        callback: String,
        /// The signing secret (never shown in Debug).
        secret: Secret,
    },
    /// Sent over the WebSocket session `session_id`.
    Websocket {
        /// From the session's welcome message.
        session_id: String,
    },
    /// Sent to the shards of a conduit.
    Conduit {
        /// The conduit.
        conduit_id: String,
    },
}

/// `create_eventsub_subscription`: subscribes to events of `type` `version`
/// matching `condition`.
///
/// Auth: an app token for webhook and conduit transports; a user token for
/// WebSockets, with the scopes the type needs
/// ([`crate::eventsub::types::required_scopes`]). Rules, checked before
/// anything is sent: type and version set; for a type this crate knows, the
/// condition fits the type's model; the webhook callback is https (or http
/// on loopback) and the secret 10 to 100 ASCII characters; session and
/// conduit ids set. The answer carries the subscription and the cost figures
/// (Twitch answers 202).
///
/// ```
/// use twitchapi_core::helix::eventsub::{CreateEventSubSubscription, TransportRequest};
/// use twitchapi_core::helix::Endpoint;
///
/// let req = CreateEventSubSubscription::new(
///     "stream.online",
///     "1",
///     serde_json::json!({"broadcaster_user_id": "1337"}),
///     TransportRequest::Websocket { session_id: "AQoQexAWVYKSTIu4ec_2VAxyuhAB".into() },
/// );
/// assert!(req.validate().is_ok());
/// assert_eq!(req.body().unwrap()["transport"]["method"], "websocket");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateEventSubSubscription {
    /// The subscription type, e.g. `channel.follow`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its version, e.g. `"2"`.
    pub version: String,
    /// The type's condition (its ids).
    pub condition: Value,
    /// Where the events go.
    pub transport: TransportRequest,
}

impl CreateEventSubSubscription {
    /// A request for `kind` `version` with `condition` over `transport`.
    pub fn new(
        kind: impl Into<String>,
        version: impl Into<String>,
        condition: Value,
        transport: TransportRequest,
    ) -> Self {
        CreateEventSubSubscription {
            kind: kind.into(),
            version: version.into(),
            condition,
            transport,
        }
    }

    /// A request from a typed condition (its type and version come with it).
    pub fn typed(condition: &EventSubCondition, transport: TransportRequest) -> Self {
        let value = serde_json::to_value(condition).unwrap_or(Value::Null);
        Self::new(condition.kind(), condition.version(), value, transport)
    }
}

impl Endpoint for CreateEventSubSubscription {
    const METHOD: Method = Method::POST;
    const PATH: &'static str = "eventsub/subscriptions";
    const AUTH: Auth = Auth::App;
    const NAME: &'static str = "create_eventsub_subscription";
    const PARAMS: &'static [&'static str] = &[
        "type: string, required",
        "version: string, required",
        "condition: object, required",
        "transport: object, required ({method: webhook, callback, secret} | {method: websocket, session_id} | {method: conduit, conduit_id})",
    ];
    type Response = EventSubSubscriptions;

    fn auth(&self) -> Auth {
        match self.transport {
            TransportRequest::Websocket { .. } => {
                Auth::User(required_scopes(&self.kind, &self.version).unwrap_or(Scopes::NONE))
            }
            TransportRequest::Webhook { .. } | TransportRequest::Conduit { .. } => Auth::App,
        }
    }

    fn validate(&self) -> Result<(), Error> {
        if self.kind.is_empty() || self.version.is_empty() {
            return Err(Error::invalid("type and version are required"));
        }
        if !self.condition.is_object() {
            return Err(Error::invalid("condition must be a JSON object"));
        }
        parse_condition(&self.kind, &self.version, self.condition.clone()).map_err(|e| {
            Error::invalid(format!(
                "condition does not fit {} v{}: {e}",
                self.kind, self.version
            ))
        })?;
        match &self.transport {
            TransportRequest::Webhook { callback, secret } => {
                crate::webhook::require_https_callback(callback)?;
                check_secret(secret)
            }
            TransportRequest::Websocket { session_id } if session_id.is_empty() => {
                Err(Error::invalid("session_id is required"))
            }
            TransportRequest::Conduit { conduit_id } if conduit_id.is_empty() => {
                Err(Error::invalid("conduit_id is required"))
            }
            _ => Ok(()),
        }
    }

    fn query(&self) -> Query {
        Query::new()
    }

    fn body(&self) -> Option<Value> {
        serde_json::to_value(self).ok()
    }

    fn parse_success(status: StatusCode, body: &[u8]) -> Result<Parsed<Self::Response>, Error> {
        subscriptions::parse(status, body)
    }

    fn map_error(status: StatusCode, message: &str) -> Option<Error> {
        // 409: the same subscription exists; 429: over the cost budget or
        // the per-connection limit
        match status.as_u16() {
            409 | 429 => Some(Error::Api {
                status: status.as_u16(),
                message: message.to_owned(),
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;
    use crate::AuthScope;

    fn webhook(callback: &str, secret: &str) -> TransportRequest {
        TransportRequest::Webhook {
            callback: callback.into(),
            secret: Secret::new(secret),
        }
    }

    #[test]
    fn builds_the_documented_webhook_request_with_an_app_token() {
        let req = CreateEventSubSubscription::new(
            "user.update",
            "1",
            serde_json::json!({"user_id": "1234"}),
            webhook("https://this-is-a-callback.com", "s3cre7s3cre7"),
        );
        let (method, path, body) = build(&req);
        assert_eq!(
            (method.as_str(), path.as_str()),
            ("POST", "/eventsub/subscriptions")
        );
        assert_eq!(
            body.unwrap(),
            serde_json::json!({"type":"user.update","version":"1","condition":{"user_id":"1234"},
                "transport":{"method":"webhook","callback":"https://this-is-a-callback.com","secret":"s3cre7s3cre7"}})
        );
        assert_eq!(req.auth(), Auth::App);
        assert!(!format!("{req:?}").contains("s3cre7s3cre7"));
    }

    #[test]
    fn a_websocket_request_needs_the_types_scopes_of_a_user_token() {
        let req = CreateEventSubSubscription::new(
            "channel.follow",
            "2",
            serde_json::json!({"broadcaster_user_id": "1", "moderator_user_id": "1"}),
            TransportRequest::Websocket {
                session_id: "s".into(),
            },
        );
        assert!(req.validate().is_ok());
        assert_eq!(req.auth().scopes(), &[AuthScope::ModeratorReadFollowers]);
    }

    #[test]
    fn bad_requests_fail_before_sending() {
        let online = serde_json::json!({"broadcaster_user_id": "1"});
        let make = |condition: Value, transport| {
            CreateEventSubSubscription::new("stream.online", "1", condition, transport)
        };
        let ok = webhook("https://example.com/cb", "0123456789");
        assert!(make(online.clone(), ok.clone()).validate().is_ok());
        for (req, why) in [
            (
                make(
                    online.clone(),
                    webhook("http://example.com/cb", "0123456789"),
                ),
                "https",
            ),
            (
                make(online.clone(), webhook("https://example.com/cb", "short")),
                "secret",
            ),
            (make(serde_json::json!([1]), ok.clone()), "object"),
            (
                make(serde_json::json!({"broadcaster_user_id": [1]}), ok.clone()),
                "condition",
            ),
            (
                make(
                    online.clone(),
                    TransportRequest::Websocket {
                        session_id: String::new(),
                    },
                ),
                "session_id",
            ),
        ] {
            let err = req.validate().unwrap_err();
            assert!(err.to_string().contains(why), "{why}: {err}");
        }
        assert!(
            make(online, webhook("http://127.0.0.1:8080/cb", "0123456789"))
                .validate()
                .is_ok()
        );
    }

    #[test]
    fn parses_the_documented_answer_with_its_costs() {
        let res = parse_ok::<CreateEventSubSubscription>(&example_body(
            "create-eventsub-subscription",
            0,
        ));
        let subs = &res.data;
        assert_eq!(subs.data[0].kind, "user.update");
        assert_eq!(subs.data[0].status, "webhook_callback_verification_pending");
        assert_eq!(
            (subs.total, subs.total_cost, subs.max_total_cost),
            (1, 1, 10000)
        );
    }
}
