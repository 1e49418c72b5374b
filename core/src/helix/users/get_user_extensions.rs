//! [Get User Extensions](https://dev.twitch.tv/docs/api/reference#get-user-extensions)

use http::Method;
use serde::{Deserialize, Serialize};

use super::UserExtension;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::AuthScope;

/// `get_user_extensions`: every extension (active or not) the token's user installed.
///
/// Auth: user token with `user:read:broadcast` or `user:edit:broadcast` (either
/// one is enough; Twitch lists inactive extensions only with
/// `user:edit:broadcast`). No parameters.
///
/// ```
/// use twitchapi_core::helix::{users::GetUserExtensions, Endpoint};
/// assert!(GetUserExtensions {}.query().is_empty());
/// assert_eq!(GetUserExtensions::PATH, "users/extensions/list");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetUserExtensions {}

impl Endpoint for GetUserExtensions {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "users/extensions/list";
    const AUTH: Auth = Auth::User(Scopes::Any(&[
        AuthScope::UserReadBroadcast,
        AuthScope::UserEditBroadcast,
    ]));
    const NAME: &'static str = "get_user_extensions";
    const PARAMS: &'static [&'static str] = &[];
    type Response = Vec<UserExtension>;

    fn query(&self) -> Query {
        Query::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = GetUserExtensions {};
        assert_eq!(query_of(&req), documented_query("get-user-extensions", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/users/extensions/list");
        assert_eq!(body, None);
        assert!(req.validate().is_ok());
        assert_eq!(
            req.auth(),
            Auth::User(Scopes::Any(&[
                AuthScope::UserReadBroadcast,
                AuthScope::UserEditBroadcast
            ]))
        );
    }

    #[test]
    fn the_edit_scope_alone_is_enough() {
        let rule = GetUserExtensions {}.auth().required();
        assert!(rule.satisfied_by(&[AuthScope::UserEditBroadcast]));
        assert!(rule.satisfied_by(&[AuthScope::UserReadBroadcast]));
        assert!(!rule.satisfied_by(&[AuthScope::ChannelManageExtensions]));
        assert!(!rule.satisfied_by(&[]));
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetUserExtensions>(&example_body("get-user-extensions", 0));
        assert_eq!(res.data.len(), 5);
        let first = &res.data[0];
        assert_eq!(first.id, "wi08ebtatdc7oj83wtl9uxwz807l8b");
        assert_eq!(first.version, "1.1.8");
        assert_eq!(first.name, "Streamlabs Leaderboard");
        assert!(first.can_activate);
        assert_eq!(first.extension_type, vec!["panel"]);
        assert_eq!(
            res.data[4].extension_type,
            vec!["component", "mobile", "panel", "overlay"]
        );
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetUserExtensions = serde_json::from_str("{}").unwrap();
        assert_eq!(req, GetUserExtensions {});
        assert!(serde_json::from_str::<GetUserExtensions>(r#"{"user_id":"1"}"#).is_err());
    }
}
