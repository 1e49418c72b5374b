//! [Get Users](https://dev.twitch.tv/docs/api/reference#get-users)

use http::Method;
use serde::{Deserialize, Serialize};

use super::User;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::null_as_empty;
use crate::Error;

/// `get_users`: users by id and/or login; with neither, the token's user (which
/// needs a user token).
///
/// Auth: either token when ids or logins are given, otherwise a user token.
/// Rule: at most 100 `user_ids` and `logins` combined.
///
/// ```
/// use twitchapi_core::helix::{users::GetUsers, Endpoint};
/// let req = GetUsers { logins: vec!["twitchdev".into()], ..Default::default() };
/// assert_eq!(req.query().encode(), "login=twitchdev");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetUsers {
    /// User ids (query `id`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub user_ids: Vec<String>,
    /// Login names (query `login`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub logins: Vec<String>,
}

impl Endpoint for GetUsers {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "users";
    const AUTH: Auth = Auth::Either(Scopes::All(&[]));
    const NAME: &'static str = "get_users";
    const PARAMS: &'static [&'static str] = &["user_ids: [string]", "logins: [string]"];
    type Response = Vec<User>;

    fn auth(&self) -> Auth {
        if self.user_ids.is_empty() && self.logins.is_empty() {
            Auth::User(Scopes::All(&[]))
        } else {
            Auth::Either(Scopes::All(&[]))
        }
    }

    fn validate(&self) -> Result<(), Error> {
        let combined = self.user_ids.len() + self.logins.len();
        if combined > 100 {
            return Err(Error::invalid(format!(
                "at most 100 user_ids and logins combined, got {combined}"
            )));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.list("id", &self.user_ids).list("login", &self.logins);
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = GetUsers {
            user_ids: vec!["141981764".into()],
            ..Default::default()
        };
        assert_eq!(query_of(&req), documented_query("get-users", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/users?id=141981764");
        assert_eq!(body, None);
        let both = GetUsers {
            user_ids: vec!["1".into(), "2".into()],
            logins: vec!["a b".into()],
        };
        assert_eq!(build(&both).1, "/users?id=1&id=2&login=a+b");
    }

    #[test]
    fn auth_depends_on_arguments() {
        assert_eq!(GetUsers::default().auth(), Auth::User(Scopes::All(&[])));
        let by_login = GetUsers {
            logins: vec!["x".into()],
            ..Default::default()
        };
        assert_eq!(by_login.auth(), Auth::Either(Scopes::All(&[])));
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetUsers>(&example_body("get-users", 0));
        assert_eq!(res.data.len(), 1);
        let user = &res.data[0];
        assert_eq!(user.id, "141981764");
        assert_eq!(user.login, "twitchdev");
        assert_eq!(user.display_name, "TwitchDev");
        assert_eq!(user.user_type, "");
        assert_eq!(user.broadcaster_type, "partner");
        assert_eq!(user.view_count, 5980557);
        assert_eq!(user.email.as_deref(), Some("not-real@email.com"));
        assert_eq!(user.created_at.unix_timestamp(), 1481747548);
        // The documented answer carries no pagination and no total.
        assert_eq!((res.cursor.as_deref(), res.total), (None, None));
        // `user_type` is Twitch's `type` again when serialized.
        let json = serde_json::to_value(user).unwrap();
        assert_eq!(json["type"], "");
        assert!(json.get("user_type").is_none());
    }

    #[test]
    fn more_than_100_combined_is_invalid() {
        let req = GetUsers {
            user_ids: (0..60).map(|i| i.to_string()).collect(),
            logins: (0..41).map(|i| format!("l{i}")).collect(),
        };
        assert_invalid(&req);
        let ok = GetUsers {
            user_ids: (0..60).map(|i| i.to_string()).collect(),
            logins: (0..40).map(|i| format!("l{i}")).collect(),
        };
        assert!(ok.validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetUsers = serde_json::from_str(r#"{"logins":["a"],"user_ids":null}"#).unwrap();
        assert_eq!(req.logins, vec!["a"]);
        assert!(serde_json::from_str::<GetUsers>(r#"{"login":["a"]}"#).is_err());
    }
}
