//! [Delete User Follows](https://dev.twitch.tv/docs/api/reference#delete-user-follows) (retired by Twitch)

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};

use crate::helix::{parse_no_content, Auth, Endpoint, Parsed, Query, Scopes};
use crate::{AuthScope, Error};

/// `delete_user_follows`: makes a user unfollow a channel. Twitch answers 204 No
/// Content (the seed returns `True` on success).
///
/// Retired by Twitch; implemented as the seed documents it. Auth: user token of
/// the follower with `user:edit:follows`. Rule: `from_id` and `to_id` are not empty.
///
/// ```
/// use twitchapi_core::helix::{users::DeleteUserFollows, Endpoint};
/// let req = DeleteUserFollows::new("41245071", "41245072");
/// assert_eq!(req.query().encode(), "from_id=41245071&to_id=41245072");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteUserFollows {
    /// The following user's id.
    pub from_id: String,
    /// The id of the channel to unfollow.
    pub to_id: String,
}

impl DeleteUserFollows {
    /// `from_id` unfollows `to_id`.
    pub fn new(from_id: impl Into<String>, to_id: impl Into<String>) -> Self {
        DeleteUserFollows {
            from_id: from_id.into(),
            to_id: to_id.into(),
        }
    }
}

impl Endpoint for DeleteUserFollows {
    const METHOD: Method = Method::DELETE;
    const PATH: &'static str = "users/follows";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::UserEditFollows]));
    const NAME: &'static str = "delete_user_follows";
    const PARAMS: &'static [&'static str] =
        &["from_id: string, required", "to_id: string, required"];
    type Response = ();

    fn validate(&self) -> Result<(), Error> {
        if self.from_id.is_empty() || self.to_id.is_empty() {
            return Err(Error::invalid("from_id and to_id must not be empty"));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("from_id", &self.from_id).push("to_id", &self.to_id);
        q
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
        let v = vector("delete-user-follows");
        let documented =
            url::Url::parse(v["request_uris_from_tests"][0].as_str().unwrap()).unwrap();
        let req = DeleteUserFollows::new("41245071", "41245072");
        let (method, path, body) = build(&req);
        assert_eq!(method, "DELETE");
        assert_eq!(path, "/users/follows?from_id=41245071&to_id=41245072");
        assert_eq!(
            format!("/helix{path}"),
            &documented[url::Position::BeforePath..]
        );
        assert_eq!(body, None);
        assert_eq!(req.auth().scopes(), &[AuthScope::UserEditFollows]);
    }

    #[test]
    fn parses_no_content() {
        let response = http::Response::builder()
            .status(StatusCode::NO_CONTENT)
            .body(Vec::new())
            .unwrap();
        let res = helix()
            .parse_response::<DeleteUserFollows, _>(&response)
            .unwrap();
        assert_eq!(res.data, ());
    }

    #[test]
    fn rules() {
        assert_invalid(&DeleteUserFollows::new("", "2"));
        assert_invalid(&DeleteUserFollows::new("1", ""));
        assert!(DeleteUserFollows::new("1", "2").validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: DeleteUserFollows =
            serde_json::from_str(r#"{"from_id":"1","to_id":"2"}"#).unwrap();
        assert_eq!(req, DeleteUserFollows::new("1", "2"));
        let unknown = r#"{"from_id":"1","to_id":"2","allow_notifications":true}"#;
        assert!(serde_json::from_str::<DeleteUserFollows>(unknown).is_err());
    }
}
