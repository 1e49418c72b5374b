//! Serving a callback router on loopback or any host: plain HTTP through
//! axum, or TLS with rustls (both webhook transports use it).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::Router;
use http_body_util::BodyExt;
use tokio::net::TcpListener;
use tokio::sync::watch;
use twitchapi_core::Error;

/// A rustls server configuration from PEM files: a certificate chain and its
/// private key (the seed's `ssl_context`).
///
/// # Errors
///
/// [`Error::InvalidArgument`] when a file cannot be read or holds no usable
/// certificate or key.
pub fn tls_config_from_pem(
    cert_path: impl AsRef<std::path::Path>,
    key_path: impl AsRef<std::path::Path>,
) -> Result<Arc<rustls::ServerConfig>, Error> {
    use rustls_pki_types::pem::PemObject;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};

    let cert_path = cert_path.as_ref();
    let key_path = key_path.as_ref();
    let certs = CertificateDer::pem_file_iter(cert_path)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| Error::invalid(format!("TLS certificate {}: {e}", cert_path.display())))?;
    if certs.is_empty() {
        return Err(Error::invalid(format!(
            "TLS certificate {}: no certificate in it",
            cert_path.display()
        )));
    }
    let key = PrivateKeyDer::from_pem_file(key_path)
        .map_err(|e| Error::invalid(format!("TLS key {}: {e}", key_path.display())))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::invalid(format!("TLS: {e}")))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| Error::invalid(format!("TLS certificate and key: {e}")))?;
    Ok(Arc::new(config))
}

/// Reads a body until its end or until `cap` bytes are in; the machine
/// answers 413 when it gets more than its limit. A body that breaks off is
/// passed as far as it came (its signature will not match).
pub(crate) async fn read_at_most(mut body: Body, cap: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    while bytes.len() < cap {
        match body.frame().await {
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    let room = cap - bytes.len();
                    bytes.extend_from_slice(&data[..data.len().min(room)]);
                }
            }
            Some(Err(_)) | None => break,
        }
    }
    bytes
}

/// Serves `listener` until `shutdown` turns true.
pub(crate) async fn serve(
    listener: TcpListener,
    tls: Option<Arc<rustls::ServerConfig>>,
    app: Router,
    mut shutdown: watch::Receiver<bool>,
) {
    let Some(tls) = tls else {
        let stop = async move {
            let _ = shutdown.wait_for(|stop| *stop).await;
        };
        if let Err(e) = axum::serve(listener, app)
            .with_graceful_shutdown(stop)
            .await
        {
            tracing::warn!(target: "twitchapi::server", error = %e, "callback server ended");
        }
        return;
    };
    let acceptor = tokio_rustls::TlsAcceptor::from(tls);
    let mut connections = tokio::task::JoinSet::new();
    loop {
        let (stream, peer): (_, SocketAddr) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    tracing::warn!(target: "twitchapi::server", error = %e, "accept failed");
                    continue;
                }
            },
            _ = shutdown.wait_for(|stop| *stop) => break,
        };
        let acceptor = acceptor.clone();
        let app = app.clone();
        connections.spawn(async move {
            let stream = match acceptor.accept(stream).await {
                Ok(stream) => stream,
                Err(e) => {
                    tracing::debug!(target: "twitchapi::server", %peer, error = %e, "TLS handshake failed");
                    return;
                }
            };
            let service = hyper_util::service::TowerToHyperService::new(app);
            let served = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
            if let Err(e) = served {
                tracing::debug!(target: "twitchapi::server", %peer, error = %e, "connection ended");
            }
        });
        while connections.try_join_next().is_some() {}
    }
    connections.abort_all();
}
