//! [Create User Follows](https://dev.twitch.tv/docs/api/reference#create-user-follows) (retired by Twitch)

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::helix::{parse_no_content, Auth, Endpoint, Parsed, Query, Scopes};
use crate::{AuthScope, Error};

/// `create_user_follows`: makes a user follow a channel. Twitch answers 204 No
/// Content (the seed returns `True` on success).
///
/// Retired by Twitch; implemented as the seed documents it. Auth: user token of
/// the follower with `user:edit:follows`. Rule: `from_id` and `to_id` are not
/// empty. `allow_notifications` is always sent (default false).
///
/// ```
/// use twitchapi_core::helix::{users::CreateUserFollows, Endpoint};
/// let req = CreateUserFollows::new("41245071", "41245072");
/// assert!(req.query().is_empty());
/// assert_eq!(
///     req.body(),
///     Some(serde_json::json!({
///         "from_id": "41245071", "to_id": "41245072", "allow_notifications": false
///     }))
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateUserFollows {
    /// The following user's id.
    pub from_id: String,
    /// The id of the channel to follow.
    pub to_id: String,
    /// Whether the user gets notified when the channel goes live; default false.
    #[serde(default)]
    pub allow_notifications: Option<bool>,
}

impl CreateUserFollows {
    /// `from_id` follows `to_id`, without notifications.
    pub fn new(from_id: impl Into<String>, to_id: impl Into<String>) -> Self {
        CreateUserFollows {
            from_id: from_id.into(),
            to_id: to_id.into(),
            allow_notifications: None,
        }
    }
}

impl Endpoint for CreateUserFollows {
    const METHOD: Method = Method::POST;
    const PATH: &'static str = "users/follows";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::UserEditFollows]));
    const NAME: &'static str = "create_user_follows";
    const PARAMS: &'static [&'static str] = &[
        "from_id: string, required",
        "to_id: string, required",
        "allow_notifications: boolean, default false",
    ];
    type Response = ();

    fn validate(&self) -> Result<(), Error> {
        if self.from_id.is_empty() || self.to_id.is_empty() {
            return Err(Error::invalid("from_id and to_id must not be empty"));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        Query::new()
    }

    fn body(&self) -> Option<Value> {
        Some(json!({
            "from_id": self.from_id,
            "to_id": self.to_id,
            "allow_notifications": self.allow_notifications.unwrap_or(false),
        }))
    }

    fn parse_success(status: StatusCode, body: &[u8]) -> Result<Parsed<()>, Error> {
        parse_no_content(status, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let v = vector("create-user-follows");
        let documented =
            url::Url::parse(v["request_uris_from_tests"][0].as_str().unwrap()).unwrap();
        let req = CreateUserFollows {
            allow_notifications: Some(true),
            ..CreateUserFollows::new("41245071", "41245072")
        };
        let (method, path, body) = build(&req);
        assert_eq!(method, "POST");
        assert_eq!(path, "/users/follows");
        assert_eq!(format!("/helix{path}"), documented.path());
        assert_eq!(documented.query_pairs().count(), 0);
        assert_eq!(
            body,
            Some(json!({"from_id": "41245071", "to_id": "41245072", "allow_notifications": true}))
        );
        let default = build(&CreateUserFollows::new("1", "2")).2.unwrap();
        assert_eq!(default["allow_notifications"], false);
        assert_eq!(req.auth().scopes(), &[AuthScope::UserEditFollows]);
    }

    #[test]
    fn parses_no_content() {
        let response = http::Response::builder()
            .status(StatusCode::NO_CONTENT)
            .body(Vec::new())
            .unwrap();
        let res = helix()
            .parse_response::<CreateUserFollows, _>(&response)
            .unwrap();
        assert_eq!(res.data, ());
    }

    #[test]
    fn rules() {
        assert_invalid(&CreateUserFollows::new("", "2"));
        assert_invalid(&CreateUserFollows::new("1", ""));
        assert!(CreateUserFollows::new("1", "2").validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: CreateUserFollows =
            serde_json::from_str(r#"{"from_id":"1","to_id":"2","allow_notifications":true}"#)
                .unwrap();
        assert_eq!(req.allow_notifications, Some(true));
        assert!(serde_json::from_str::<CreateUserFollows>(r#"{"from_id":"1"}"#).is_err());
        let unknown = r#"{"from_id":"1","to_id":"2","notifications":true}"#;
        assert!(serde_json::from_str::<CreateUserFollows>(unknown).is_err());
    }
}
