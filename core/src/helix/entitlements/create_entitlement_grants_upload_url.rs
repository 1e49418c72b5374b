//! [Create Entitlement Grants Upload URL](https://dev.twitch.tv/docs/api/reference#create-entitlement-grants-upload-url)

use http::Method;
use serde::{Deserialize, Serialize};

use super::UploadUrl;
use crate::helix::{Auth, Endpoint, Query};
use crate::Error;

/// `create_entitlement_grants_upload_url`: a URL to upload a manifest of
/// entitlement grants to (`type=bulk_drops_grant`). Retired by Twitch; built as
/// the seed documents it.
///
/// Auth: app token. Rule: `manifest_id` has 1 to 64 characters.
///
/// ```
/// use twitchapi_core::helix::{entitlements::CreateEntitlementGrantsUploadUrl, Endpoint};
/// let req = CreateEntitlementGrantsUploadUrl::new("manifest-1");
/// assert_eq!(req.query().encode(), "manifest_id=manifest-1&type=bulk_drops_grant");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateEntitlementGrantsUploadUrl {
    /// Id of the manifest to upload, 1 to 64 characters.
    pub manifest_id: String,
}

impl CreateEntitlementGrantsUploadUrl {
    /// An upload URL for this manifest.
    pub fn new(manifest_id: impl Into<String>) -> Self {
        CreateEntitlementGrantsUploadUrl {
            manifest_id: manifest_id.into(),
        }
    }
}

impl Endpoint for CreateEntitlementGrantsUploadUrl {
    const METHOD: Method = Method::POST;
    const PATH: &'static str = "entitlements/upload";
    const AUTH: Auth = Auth::App;
    const NAME: &'static str = "create_entitlement_grants_upload_url";
    const PARAMS: &'static [&'static str] = &["manifest_id: string, required"];
    type Response = Vec<UploadUrl>;

    fn validate(&self) -> Result<(), Error> {
        let len = self.manifest_id.chars().count();
        if !(1..=64).contains(&len) {
            return Err(Error::invalid(format!(
                "manifest_id must have 1 to 64 characters, got {len}"
            )));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("manifest_id", &self.manifest_id)
            .push("type", "bulk_drops_grant");
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_request() {
        // Twitch's vector is gone; the seed documents the parameters.
        let req = CreateEntitlementGrantsUploadUrl::new("m 1");
        let (method, path, body) = build(&req);
        assert_eq!(method, "POST");
        assert_eq!(
            path,
            "/entitlements/upload?manifest_id=m+1&type=bulk_drops_grant"
        );
        assert_eq!(body, None);
        assert_eq!(req.auth(), Auth::App);
    }

    #[test]
    fn parses_answer() {
        let body = br#"{"data":[{"url":"https://twitch-upload.s3.amazonaws.com/m1?sig=x"}]}"#;
        let res = parse_ok::<CreateEntitlementGrantsUploadUrl>(body);
        assert_eq!(
            res.data[0].url,
            "https://twitch-upload.s3.amazonaws.com/m1?sig=x"
        );
    }

    #[test]
    fn rules() {
        assert_invalid(&CreateEntitlementGrantsUploadUrl::new(""));
        assert_invalid(&CreateEntitlementGrantsUploadUrl::new("m".repeat(65)));
        assert!(CreateEntitlementGrantsUploadUrl::new("m")
            .validate()
            .is_ok());
        let longest = CreateEntitlementGrantsUploadUrl::new("é".repeat(64));
        assert!(longest.validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: CreateEntitlementGrantsUploadUrl =
            serde_json::from_str(r#"{"manifest_id":"m"}"#).unwrap();
        assert_eq!(req, CreateEntitlementGrantsUploadUrl::new("m"));
        let unknown = r#"{"manifest_id":"m","type":"bulk_drops_grant"}"#;
        assert!(serde_json::from_str::<CreateEntitlementGrantsUploadUrl>(unknown).is_err());
    }
}
