//! [Redeem Code](https://dev.twitch.tv/docs/api/reference#redeem-code)

use http::Method;
use serde::{Deserialize, Serialize};

use super::{check_codes, CodeStatusEntry};
use crate::helix::{Auth, Endpoint, Query};
use crate::serde_util::null_as_empty;
use crate::Error;

/// `redeem_code`: redeems Bits codes for a user. Retired by Twitch; built as
/// the seed documents it.
///
/// Auth: app token. Rule: 1 to 20 `code`s. The query carries `user_id` first,
/// as in Twitch's documented request.
///
/// ```
/// use twitchapi_core::helix::{entitlements::RedeemCode, Endpoint};
/// let req = RedeemCode::new(vec!["8CD5P-V3J92-2S6JY".into()], 12345);
/// assert_eq!(req.query().encode(), "user_id=12345&code=8CD5P-V3J92-2S6JY");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedeemCode {
    /// The codes, 1 to 20.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub code: Vec<String>,
    /// Numeric id of the user who receives the entitlements.
    #[serde(deserialize_with = "crate::serde_util::u64_or_string")]
    pub user_id: u64,
}

impl RedeemCode {
    /// Redeems these codes for this user.
    pub fn new(code: Vec<String>, user_id: u64) -> Self {
        RedeemCode { code, user_id }
    }
}

impl Endpoint for RedeemCode {
    const METHOD: Method = Method::POST;
    const PATH: &'static str = "entitlements/codes";
    const AUTH: Auth = Auth::App;
    const NAME: &'static str = "redeem_code";
    const PARAMS: &'static [&'static str] =
        &["code: [string], required", "user_id: integer, required"];
    type Response = Vec<CodeStatusEntry>;

    fn validate(&self) -> Result<(), Error> {
        check_codes(&self.code)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("user_id", self.user_id).list("code", &self.code);
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
        let (documented, _) = retired_example("redeem-code");
        let req = RedeemCode::new(
            vec!["8CD5P-V3J92-2S6JY".into(), "PUN4G-HYFVP-MMFET".into()],
            12345,
        );
        assert_eq!(query_of(&req), documented);
        let (method, path, body) = build(&req);
        assert_eq!(method, "POST");
        assert_eq!(
            path,
            "/entitlements/codes?user_id=12345&code=8CD5P-V3J92-2S6JY&code=PUN4G-HYFVP-MMFET"
        );
        assert_eq!(body, None);
        assert_eq!(req.auth(), Auth::App);
    }

    #[test]
    fn parses_retired_example() {
        let (_, body) = retired_example("redeem-code");
        let res = parse_ok::<RedeemCode>(&body);
        assert_eq!(res.data[0].code, "8CD5P-V3J92-2S6JY");
        assert_eq!(res.data[0].status, CodeStatus::SuccessfullyRedeemed);
        assert_eq!(res.data[1].status, CodeStatus::AlreadyClaimed);
        let unknown = br#"{"data":[{"code":"X","status":"NEW_STATUS"}]}"#;
        let res = parse_ok::<RedeemCode>(unknown);
        assert_eq!(res.data[0].status, CodeStatus::Unknown("NEW_STATUS".into()));
    }

    #[test]
    fn rules() {
        let codes = |n: usize| (0..n).map(|i| format!("C{i}")).collect::<Vec<_>>();
        assert_invalid(&RedeemCode::new(Vec::new(), 1));
        assert_invalid(&RedeemCode::new(codes(21), 1));
        assert!(RedeemCode::new(codes(1), 1).validate().is_ok());
        assert!(RedeemCode::new(codes(20), 1).validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: RedeemCode = serde_json::from_str(r#"{"code":null,"user_id":7}"#).unwrap();
        assert!(req.code.is_empty());
        assert_eq!(req.user_id, 7);
        assert!(serde_json::from_str::<RedeemCode>(r#"{"code":["A"]}"#).is_err());
        let unknown = r#"{"code":["A"],"user_id":1,"extra":1}"#;
        assert!(serde_json::from_str::<RedeemCode>(unknown).is_err());
    }
}
