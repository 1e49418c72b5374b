//! [Delete EventSub Subscription](https://dev.twitch.tv/docs/api/reference#delete-eventsub-subscription)

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};

use crate::helix::{parse_no_content, Auth, Endpoint, Parsed, Query, Scopes};
use crate::Error;

/// `delete_eventsub_subscription`: deletes the subscription `id`.
///
/// Auth: the token it was created with: an app token for webhook and conduit
/// subscriptions, the user token for WebSocket ones (the user token is used
/// when one is set). Rule: `id` is required. Twitch answers 204; 404 (as
/// [`Error::NotFound`]) when there is no such subscription.
///
/// ```
/// use twitchapi_core::helix::{eventsub::DeleteEventSubSubscription, Endpoint};
/// let req = DeleteEventSubSubscription::new("26b1c993-bfcf-44d9-b876-379dacafe75a");
/// assert_eq!(req.query().encode(), "id=26b1c993-bfcf-44d9-b876-379dacafe75a");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteEventSubSubscription {
    /// The subscription.
    pub id: String,
    /// Send it with the app token even when a user token is set (webhook
    /// and conduit subscriptions belong to the app).
    #[serde(skip)]
    pub app_token: bool,
}

impl DeleteEventSubSubscription {
    /// Deletes `id`.
    pub fn new(id: impl Into<String>) -> Self {
        DeleteEventSubSubscription {
            id: id.into(),
            app_token: false,
        }
    }

    /// The same request, sent with the app token.
    pub fn with_app_token(mut self) -> Self {
        self.app_token = true;
        self
    }
}

impl Endpoint for DeleteEventSubSubscription {
    const METHOD: Method = Method::DELETE;
    const PATH: &'static str = "eventsub/subscriptions";
    const AUTH: Auth = Auth::Either(Scopes::NONE);
    const NAME: &'static str = "delete_eventsub_subscription";
    const PARAMS: &'static [&'static str] = &["id: string, required"];
    type Response = ();

    fn auth(&self) -> Auth {
        if self.app_token {
            Auth::App
        } else {
            Self::AUTH
        }
    }

    fn validate(&self) -> Result<(), Error> {
        if self.id.is_empty() {
            return Err(Error::invalid("id is required"));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("id", &self.id);
        q
    }

    fn parse_success(status: StatusCode, body: &[u8]) -> Result<Parsed<()>, Error> {
        parse_no_content(status, body)
    }

    fn map_error(status: StatusCode, message: &str) -> Option<Error> {
        (status == StatusCode::NOT_FOUND).then(|| Error::NotFound(message.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_the_request_and_refuses_an_empty_id() {
        let (method, path, body) = build(&DeleteEventSubSubscription::new("abc"));
        assert_eq!(
            (method.as_str(), path.as_str()),
            ("DELETE", "/eventsub/subscriptions?id=abc")
        );
        assert!(body.is_none());
        assert!(DeleteEventSubSubscription::new("").validate().is_err());
        assert_eq!(
            DeleteEventSubSubscription::new("a").auth(),
            Auth::Either(Scopes::NONE)
        );
        assert_eq!(
            DeleteEventSubSubscription::new("a").with_app_token().auth(),
            Auth::App
        );
    }
}
