//! [Get Code Status](https://dev.twitch.tv/docs/api/reference#get-code-status)

use http::Method;
use serde::{Deserialize, Serialize};

use super::{check_codes, CodeStatusEntry};
use crate::helix::{Auth, Endpoint, Query};
use crate::serde_util::null_as_empty;
use crate::Error;

/// `get_code_status`: the status of Bits codes for a user. Retired by Twitch;
/// built as the seed documents it.
///
/// Auth: app token. Rule: 1 to 20 `code`s.
///
/// ```
/// use twitchapi_core::helix::{entitlements::GetCodeStatus, Endpoint};
/// let req = GetCodeStatus::new(vec!["KUHXV-4GXYP-AKAKK".into()], 156900877);
/// assert_eq!(req.query().encode(), "code=KUHXV-4GXYP-AKAKK&user_id=156900877");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetCodeStatus {
    /// The codes, 1 to 20.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub code: Vec<String>,
    /// Numeric id of the user who would receive the entitlements.
    #[serde(deserialize_with = "crate::serde_util::u64_or_string")]
    pub user_id: u64,
}

impl GetCodeStatus {
    /// The status of these codes for this user.
    pub fn new(code: Vec<String>, user_id: u64) -> Self {
        GetCodeStatus { code, user_id }
    }
}

impl Endpoint for GetCodeStatus {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "entitlements/codes";
    const AUTH: Auth = Auth::App;
    const NAME: &'static str = "get_code_status";
    const PARAMS: &'static [&'static str] =
        &["code: [string], required", "user_id: integer, required"];
    type Response = Vec<CodeStatusEntry>;

    fn validate(&self) -> Result<(), Error> {
        check_codes(&self.code)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.list("code", &self.code).push("user_id", self.user_id);
        q
    }
}

#[cfg(test)]
mod tests {
    use super::super::retired_example;
    use super::*;
    use crate::helix::test_util::*;
    use crate::types::CodeStatus;

    #[test]
    fn builds_documented_request() {
        let (documented, _) = retired_example("get-code-status");
        let req = GetCodeStatus::new(
            vec!["KUHXV-4GXYP-AKAKK".into(), "XZDDZ-5SIQR-RT5M3".into()],
            156900877,
        );
        assert_eq!(query_of(&req), documented);
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(
            path,
            "/entitlements/codes?code=KUHXV-4GXYP-AKAKK&code=XZDDZ-5SIQR-RT5M3&user_id=156900877"
        );
        assert_eq!(body, None);
        assert_eq!(req.auth(), Auth::App);
    }

    #[test]
    fn parses_retired_example() {
        let (_, body) = retired_example("get-code-status");
        let res = parse_ok::<GetCodeStatus>(&body);
        assert_eq!(res.data.len(), 2);
        assert_eq!(res.data[0].code, "KUHXV-4GXYP-AKAKK");
        assert_eq!(res.data[0].status, CodeStatus::Unused);
        assert_eq!(res.data[1].status, CodeStatus::AlreadyClaimed);
    }

    #[test]
    fn rules() {
        let codes = |n: usize| (0..n).map(|i| format!("C{i}")).collect::<Vec<_>>();
        assert_invalid(&GetCodeStatus::new(Vec::new(), 1));
        assert_invalid(&GetCodeStatus::new(codes(21), 1));
        assert!(GetCodeStatus::new(codes(1), 1).validate().is_ok());
        assert!(GetCodeStatus::new(codes(20), 1).validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetCodeStatus =
            serde_json::from_str(r#"{"code":["A"],"user_id":156900877}"#).unwrap();
        assert_eq!(req, GetCodeStatus::new(vec!["A".into()], 156900877));
        assert!(serde_json::from_str::<GetCodeStatus>(r#"{"code":["A"],"user_id":"x"}"#).is_err());
        // Twitch's ids are strings: a string of digits is accepted too.
        let text: GetCodeStatus =
            serde_json::from_str(r#"{"code":["A"],"user_id":"156900877"}"#).unwrap();
        assert_eq!(text.user_id, 156900877);
        let unknown = r#"{"codes":["A"],"user_id":1}"#;
        assert!(serde_json::from_str::<GetCodeStatus>(unknown).is_err());
    }
}
