//! Entitlements: drops, grant uploads and (retired) Bits codes.

mod code_status_entry;
mod create_entitlement_grants_upload_url;
mod drop_entitlement;
mod get_code_status;
mod get_drops_entitlements;
mod redeem_code;
mod upload_url;

pub use code_status_entry::CodeStatusEntry;
pub use create_entitlement_grants_upload_url::CreateEntitlementGrantsUploadUrl;
pub use drop_entitlement::DropEntitlement;
pub use get_code_status::GetCodeStatus;
pub use get_drops_entitlements::GetDropsEntitlements;
pub use redeem_code::RedeemCode;
pub use upload_url::UploadUrl;

use crate::Error;

/// The seed's rule for Bits codes: 1 to 20 entries.
fn check_codes(code: &[String]) -> Result<(), Error> {
    if (1..=20).contains(&code.len()) {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "code must have 1 to 20 entries, got {}",
            code.len()
        )))
    }
}

/// Reads the example of a retired endpoint whose vector keeps Twitch's old
/// reference text: `examples` is Markdown with an example request (a curl
/// command) and an example response in code blocks.
#[cfg(test)]
pub(crate) fn retired_example(file: &str) -> (Vec<(String, String)>, Vec<u8>) {
    let v = crate::helix::test_util::vector(file);
    let text = v["examples"].as_str().unwrap();
    let blocks: Vec<&str> = text.split("```").skip(1).step_by(2).collect();
    let start = blocks[0].find("'https://").unwrap() + 1;
    let end = start + blocks[0][start..].find('\'').unwrap();
    let url = url::Url::parse(&blocks[0][start..end]).unwrap();
    let query = url.query_pairs().into_owned().collect();
    let body: serde_json::Value = serde_json::from_str(blocks[1]).unwrap();
    (query, serde_json::to_vec(&body).unwrap())
}
