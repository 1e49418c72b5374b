//! Ads.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static start_commercial: Spec = Spec {
    params: &[BROADCASTER, Param::new("length", U32, Required)],
    rules: &[OneOf("length", &[30, 60, 90, 120, 150, 180])],
    body: &[Out::same("broadcaster_id"), Out::same("length")],
    shape: Body::Object,
    ..Spec::EMPTY
};
