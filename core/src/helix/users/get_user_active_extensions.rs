//! [Get User Active Extensions](https://dev.twitch.tv/docs/api/reference#get-user-active-extensions)

use http::Method;
use serde::{Deserialize, Serialize};

use super::ActiveExtensions;
use crate::helix::{Auth, Endpoint, Query, Scopes};

/// `get_user_active_extensions`: the active extensions of a user (default: the
/// token's user) by slot. Twitch's `data` is an object, not a list.
///
/// Auth: app or user token when `user_id` is given, otherwise a user token
/// (Twitch needs `user_id` with an app token). No scope is required; Twitch
/// includes extensions under development only for a user token with
/// `user:read:broadcast` or `user:edit:broadcast`.
///
/// ```
/// use twitchapi_core::helix::{users::GetUserActiveExtensions, Endpoint};
/// let req = GetUserActiveExtensions { user_id: Some("141981764".into()) };
/// assert_eq!(req.query().encode(), "user_id=141981764");
/// assert!(GetUserActiveExtensions::default().query().is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetUserActiveExtensions {
    /// The user whose extensions to get; default the token's user.
    #[serde(default)]
    pub user_id: Option<String>,
}

impl Endpoint for GetUserActiveExtensions {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "users/extensions";
    const AUTH: Auth = Auth::Either(Scopes::NONE);
    const NAME: &'static str = "get_user_active_extensions";
    const PARAMS: &'static [&'static str] = &["user_id: string"];
    type Response = ActiveExtensions;

    fn auth(&self) -> Auth {
        match self.user_id.as_deref() {
            Some(id) if !id.is_empty() => Auth::Either(Scopes::NONE),
            _ => Auth::User(Scopes::NONE),
        }
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.opt("user_id", self.user_id.as_deref());
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    const FILE: &str = "get-user-active-extensions";

    #[test]
    fn builds_documented_request() {
        let req = GetUserActiveExtensions::default();
        assert_eq!(query_of(&req), documented_query(FILE, 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/users/extensions");
        assert_eq!(body, None);
        let other = GetUserActiveExtensions {
            user_id: Some("7".into()),
        };
        assert_eq!(build(&other).1, "/users/extensions?user_id=7");
    }

    #[test]
    fn auth_depends_on_arguments() {
        assert_eq!(
            GetUserActiveExtensions::default().auth(),
            Auth::User(Scopes::NONE)
        );
        let other = GetUserActiveExtensions {
            user_id: Some("7".into()),
        };
        assert_eq!(other.auth(), Auth::Either(Scopes::NONE));
        let empty = GetUserActiveExtensions {
            user_id: Some(String::new()),
        };
        assert_eq!(empty.auth(), Auth::User(Scopes::NONE));
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetUserActiveExtensions>(&example_body(FILE, 0));
        let data = &res.data;
        assert_eq!(data.panel.len(), 3);
        let panel = &data.panel["1"];
        assert!(panel.active);
        assert_eq!(panel.id.as_deref(), Some("rh6jq1q334hqc2rr1qlzqbvwlfl3x0"));
        assert_eq!(panel.version.as_deref(), Some("1.1.0"));
        assert_eq!(panel.name.as_deref(), Some("TopClip"));
        assert_eq!(panel.x, None);
        assert_eq!(data.overlay["1"].name.as_deref(), Some("Streamlabs"));
        let component = &data.component["1"];
        assert_eq!((component.x, component.y), (Some(0), Some(0)));
        let empty = &data.component["2"];
        assert!(!empty.active);
        assert_eq!(empty.id, None);
        assert_eq!(
            serde_json::to_value(empty).unwrap(),
            serde_json::json!({"active": false})
        );
    }

    #[test]
    fn tolerates_missing_and_null_slots() {
        let res = parse_ok::<GetUserActiveExtensions>(br#"{"data":{"panel":null}}"#);
        assert_eq!(res.data, ActiveExtensions::default());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetUserActiveExtensions = serde_json::from_str(r#"{"user_id":"1"}"#).unwrap();
        assert_eq!(req.user_id.as_deref(), Some("1"));
        let none: GetUserActiveExtensions = serde_json::from_str(r#"{"user_id":null}"#).unwrap();
        assert_eq!(none, GetUserActiveExtensions::default());
        assert!(serde_json::from_str::<GetUserActiveExtensions>(r#"{"id":"1"}"#).is_err());
    }
}
