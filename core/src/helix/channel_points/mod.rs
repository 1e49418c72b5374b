//! Channel Points: custom rewards and their redemptions.

mod create_custom_reward;
mod custom_reward;
mod delete_custom_reward;
mod get_custom_reward;
mod get_custom_reward_redemption;
mod redemption;
mod reward_fields;
mod update_custom_reward;
mod update_redemption_status;

pub use create_custom_reward::CreateCustomReward;
pub use custom_reward::{
    CustomReward, GlobalCooldownSetting, MaxPerStreamSetting, MaxPerUserPerStreamSetting,
    RewardImage,
};
pub use delete_custom_reward::DeleteCustomReward;
pub use get_custom_reward::GetCustomReward;
pub use get_custom_reward_redemption::GetCustomRewardRedemption;
pub use redemption::{Redemption, RedemptionReward};
pub use update_custom_reward::UpdateCustomReward;
pub use update_redemption_status::UpdateRedemptionStatus;

use http::StatusCode;

use crate::Error;

/// 404 means the reward or redemption does not exist: `NotFound` with Twitch's message.
fn not_found(status: StatusCode, message: &str) -> Option<Error> {
    (status == StatusCode::NOT_FOUND).then(|| Error::NotFound(message.to_owned()))
}

#[cfg(test)]
pub(crate) mod test_support {
    use http::StatusCode;

    use crate::helix::test_util::helix;
    use crate::helix::Endpoint;
    use crate::Error;

    /// Asserts that a 404 answer of `E` is `NotFound` carrying Twitch's message.
    pub(crate) fn assert_404_not_found<E: Endpoint>() {
        let message = "Custom Reward Not Found";
        let body = format!(r#"{{"error":"Not Found","status":404,"message":"{message}"}}"#);
        let response = http::Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(body.into_bytes())
            .unwrap();
        match helix().parse_response::<E, _>(&response) {
            Err(Error::NotFound(m)) => assert_eq!(m, message),
            other => panic!("{} expected NotFound, got {:?}", E::NAME, other.err()),
        }
    }
}
