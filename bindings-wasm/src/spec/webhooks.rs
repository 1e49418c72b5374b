//! Webhooks (the retired WebSub subscriptions).

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static get_webhook_subscriptions: Spec = Spec {
    params: &[FIRST, AFTER],
    rules: &[Range("first", 1, 100)],
    query: &[Out::same_or("first", "20"), Out::same("after")],
    ..Spec::EMPTY
};
