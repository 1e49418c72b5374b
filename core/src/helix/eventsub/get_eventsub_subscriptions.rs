//! [Get EventSub Subscriptions](https://dev.twitch.tv/docs/api/reference#get-eventsub-subscriptions)

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};

use super::subscriptions::{self, EventSubSubscriptions};
use crate::helix::{Auth, Endpoint, Paginated, Parsed, Query, Scopes};
use crate::Error;

/// `get_eventsub_subscriptions`: the client's subscriptions (with an app
/// token: webhook and conduit ones; with a user token: that user's WebSocket
/// ones), with their cost figures.
///
/// Auth: either token (the user token when one is set). Rule: at most one of
/// the filters `status`, `type`, `user_id`, `subscription_id`. Pages are
/// walked with `after`.
///
/// ```
/// use twitchapi_core::helix::{eventsub::GetEventSubSubscriptions, Endpoint};
/// let req = GetEventSubSubscriptions { status: Some("enabled".into()), ..Default::default() };
/// assert_eq!(req.query().encode(), "status=enabled");
/// let both = GetEventSubSubscriptions { status: Some("enabled".into()), user_id: Some("1".into()), ..Default::default() };
/// assert!(both.validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetEventSubSubscriptions {
    /// Only subscriptions with this status (`enabled`, `authorization_revoked`, ...).
    #[serde(default)]
    pub status: Option<String>,
    /// Only subscriptions of this type.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// Only subscriptions whose condition names this user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Only this subscription.
    #[serde(default)]
    pub subscription_id: Option<String>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
}

impl Endpoint for GetEventSubSubscriptions {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "eventsub/subscriptions";
    const AUTH: Auth = Auth::Either(Scopes::NONE);
    const NAME: &'static str = "get_eventsub_subscriptions";
    const PARAMS: &'static [&'static str] = &[
        "status: string",
        "type: string",
        "user_id: string",
        "subscription_id: string",
        "after: string",
    ];
    type Response = EventSubSubscriptions;

    fn validate(&self) -> Result<(), Error> {
        let filters = [
            &self.status,
            &self.kind,
            &self.user_id,
            &self.subscription_id,
        ];
        if filters.iter().filter(|f| f.is_some()).count() > 1 {
            return Err(Error::invalid(
                "at most one of status, type, user_id and subscription_id",
            ));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.opt("status", self.status.as_deref())
            .opt("type", self.kind.as_deref())
            .opt("user_id", self.user_id.as_deref())
            .opt("subscription_id", self.subscription_id.as_deref())
            .opt("after", self.after.as_deref());
        q
    }

    fn parse_success(status: StatusCode, body: &[u8]) -> Result<Parsed<Self::Response>, Error> {
        subscriptions::parse(status, body)
    }
}

impl Paginated for GetEventSubSubscriptions {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn parses_the_documented_answer_with_cursor_and_costs() {
        let res =
            parse_ok::<GetEventSubSubscriptions>(&example_body("get-eventsub-subscriptions", 0));
        assert!(!res.data.data.is_empty());
        assert_eq!(res.data.max_total_cost, 10000);
        let (method, path, _) = build(&GetEventSubSubscriptions {
            kind: Some("channel.follow".into()),
            after: Some("c".into()),
            ..Default::default()
        });
        assert_eq!(
            (method.as_str(), path.as_str()),
            ("GET", "/eventsub/subscriptions?type=channel.follow&after=c")
        );
    }
}
