//! [Update User](https://dev.twitch.tv/docs/api/reference#update-user)

use http::Method;
use serde::{Deserialize, Serialize};

use super::User;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `update_user`: sets the token user's channel description (an empty string
/// clears it) and returns the updated user.
///
/// Auth: user token with `user:edit`. Rule: `description` has at most 300
/// characters (Twitch's limit, counted in characters, not bytes).
///
/// ```
/// use twitchapi_core::helix::{users::UpdateUser, Endpoint};
/// let req = UpdateUser::new("BaldAngel");
/// assert_eq!(req.query().encode(), "description=BaldAngel");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    /// The new description.
    pub description: String,
}

impl UpdateUser {
    /// A request setting this description.
    pub fn new(description: impl Into<String>) -> Self {
        UpdateUser {
            description: description.into(),
        }
    }
}

impl Endpoint for UpdateUser {
    const METHOD: Method = Method::PUT;
    const PATH: &'static str = "users";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::UserEdit]));
    const NAME: &'static str = "update_user";
    const PARAMS: &'static [&'static str] = &["description: string, required"];
    type Response = Vec<User>;

    fn validate(&self) -> Result<(), Error> {
        let len = self.description.chars().count();
        if len > 300 {
            return Err(Error::invalid(format!(
                "description can have at most 300 characters, got {len}"
            )));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("description", &self.description);
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = UpdateUser::new("BaldAngel");
        assert_eq!(query_of(&req), documented_query("update-user", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "PUT");
        assert_eq!(path, "/users?description=BaldAngel");
        assert_eq!(body, None);
        assert_eq!(build(&UpdateUser::new("")).1, "/users?description=");
        assert_eq!(
            build(&UpdateUser::new("a b&c")).1,
            "/users?description=a+b%26c"
        );
        assert_eq!(req.auth().scopes(), &[AuthScope::UserEdit]);
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<UpdateUser>(&example_body("update-user", 0));
        let user = &res.data[0];
        assert_eq!(user.id, "44322889");
        assert_eq!(user.login, "dallas");
        assert_eq!(user.user_type, "staff");
        assert_eq!(user.description, "BaldAngel");
        assert_eq!(user.created_at.unix_timestamp(), 1370286722);
        assert_eq!(user.created_at.microsecond(), 580593);
    }

    #[test]
    fn description_limit_counts_characters() {
        assert!(UpdateUser::new("a".repeat(300)).validate().is_ok());
        assert_invalid(&UpdateUser::new("a".repeat(301)));
        // 300 two-byte characters are 600 bytes but still allowed.
        assert!(UpdateUser::new("é".repeat(300)).validate().is_ok());
        assert_invalid(&UpdateUser::new("é".repeat(301)));
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: UpdateUser = serde_json::from_str(r#"{"description":"hi"}"#).unwrap();
        assert_eq!(req, UpdateUser::new("hi"));
        assert!(serde_json::from_str::<UpdateUser>(r#"{"description":"hi","x":1}"#).is_err());
        assert!(serde_json::from_str::<UpdateUser>("{}").is_err());
    }
}
