// Capacity Hub, assessment section page: autosave, and nothing typed is lost.
// Progressive enhancement: without this file the form saves with its buttons (a normal POST).
//
// - Every change is copied at once to localStorage, keyed by assessment and section, with the section version
//   the edit was based on; it is removed only once the server has stored exactly that input.
// - Changes are sent (debounced) to the autosave address. On a network failure the copy stays and is sent again
//   when the browser is back online, on a timer, and when the page is opened again.
// - If the session or its CSRF token expired (401, 403 or a redirect to the sign-in page), a fresh token is
//   fetched; if that fails too, a banner asks to sign in again in another tab, and sending is retried.
// - A stale section (409: someone else saved it) is never overwritten: autosave stops and the facilitator
//   compares both versions (the "Compare both versions" button posts the form, which shows theirs beside it).
//
// Stable hooks for tests: #section-form[data-save-state], #save-status[data-state], #signed-out-banner,
// #conflict-banner, and localStorage key "capacityhub.assessment.<id>.section.<competencyId>".
(function () {
    'use strict';

    var form = document.getElementById('section-form');
    if (!window.fetch || !window.localStorage || !window.URLSearchParams || !window.FormData) {
        return;
    }
    if (!form) {
        showUnsent(document.getElementById('section-answer'));
        return;
    }
    var DEBOUNCE_MS = 1200;
    var RETRY_MS = 10000;
    var key = 'capacityhub.assessment.' + form.dataset.assessmentId + '.section.' + form.dataset.competencyId;
    var statusBox = document.getElementById('save-status');
    var signedOutBanner = document.getElementById('signed-out-banner');
    var conflictBanner = document.getElementById('conflict-banner');
    var versionInput = form.querySelector('input[name="version"]');
    var tokenInput = form.querySelector('input[name="_csrf"]');
    var csrfHeader = form.dataset.csrfHeader || 'X-CSRF-TOKEN';
    var csrfToken = tokenInput ? tokenInput.value : '';
    var debounceTimer = null;
    var retryTimer = null;
    var sending = false;
    var again = false;
    var stopped = form.dataset.conflict === 'true';
    var pendingSubmit = null;

    function setState(state, detail) {
        form.dataset.saveState = state;
        statusBox.dataset.state = state;
        var text = statusBox.dataset['msg' + state.charAt(0).toUpperCase() + state.slice(1)] || '';
        statusBox.textContent = detail ? text + ' ' + detail : text;
    }

    // The form's answer fields, without the bookkeeping ones, as a stable string.
    function answer() {
        var params = new URLSearchParams(new FormData(form));
        params.delete('_csrf');
        params.delete('version');
        params.delete('go');
        return params.toString();
    }

    function readLocal() {
        try {
            return JSON.parse(localStorage.getItem(key));
        } catch (e) {
            return null;
        }
    }

    function writeLocal(base) {
        try {
            localStorage.setItem(key, JSON.stringify({ base: base, answer: answer(), at: Date.now() }));
        } catch (e) {
            // storage full or disabled: the server copy is all we have
        }
    }

    function fill(encoded) {
        var params = new URLSearchParams(encoded);
        Array.prototype.forEach.call(form.elements, function (el) {
            if (!el.name || el.name === '_csrf' || el.name === 'version' || el.name === 'go' || el.name.charAt(0) === '_') {
                return;
            }
            if (el.type === 'checkbox') {
                el.checked = params.getAll(el.name).indexOf(el.value) >= 0;
            } else if (el.type === 'radio') {
                el.checked = (params.get(el.name) || '') === el.value;
            } else if (el.type !== 'submit' && el.type !== 'button' && el.type !== 'hidden') {
                el.value = params.get(el.name) || '';
            }
        });
    }

    function showSignedOut(show) {
        signedOutBanner.hidden = !show;
    }

    function scheduleRetry() {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(send, RETRY_MS);
    }

    function isSignInPage(response) {
        var type = response.headers.get('Content-Type') || '';
        return response.redirected || response.type === 'opaqueredirect' || type.indexOf('application/json') < 0;
    }

    // A fresh CSRF token for the current session; false if the session is gone (not signed in).
    function refreshToken() {
        return fetch(form.dataset.tokenUrl, {
            headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store'
        }).then(function (response) {
            if (!response.ok || isSignInPage(response)) {
                return false;
            }
            return response.json().then(function (data) {
                csrfHeader = data.headerName;
                csrfToken = data.token;
                if (tokenInput) {
                    tokenInput.value = data.token;
                }
                return true;
            });
        }, function () {
            return false;
        });
    }

    function post(body) {
        var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'Accept': 'application/json' };
        headers[csrfHeader] = csrfToken;
        return fetch(form.dataset.autosaveUrl, {
            method: 'POST', headers: headers, body: body, credentials: 'same-origin', cache: 'no-store'
        });
    }

    function send() {
        clearTimeout(debounceTimer);
        clearTimeout(retryTimer);
        if (stopped) {
            return;
        }
        if (sending) {
            again = true;
            return;
        }
        var local = readLocal();
        if (!local) {
            return;
        }
        sending = true;
        setState('saving');
        var body = local.answer + '&version=' + encodeURIComponent(local.base);
        attempt(body, true).then(function (outcome) {
            sending = false;
            handle(outcome, local);
            if (pendingSubmit) {
                // a button was pressed while this autosave was under way: submit now, with the version it got
                var submitter = pendingSubmit;
                pendingSubmit = null;
                stopped = true;
                if (form.requestSubmit && submitter !== true) {
                    form.requestSubmit(submitter);
                } else {
                    form.submit();
                }
                return;
            }
            if (again && !stopped) {
                again = false;
                send();
            }
        });
    }

    // Posts, renewing the CSRF token once if the server refused it. Resolves to {kind, data}.
    function attempt(body, mayRenew) {
        return post(body).then(function (response) {
            if (response.status === 401 || response.status === 403 || (response.ok && isSignInPage(response))) {
                if (!mayRenew) {
                    return { kind: response.status === 403 && !response.redirected ? 'forbidden' : 'signedOut' };
                }
                return refreshToken().then(function (renewed) {
                    return renewed ? attempt(body, false) : { kind: 'signedOut' };
                });
            }
            if (response.status === 200 || response.status === 400 || response.status === 409) {
                return response.json().then(function (data) {
                    return { kind: response.status === 200 ? 'saved' : response.status === 409 ? 'conflict' : 'invalid',
                        data: data };
                }, function () {
                    return { kind: 'error' };
                });
            }
            if (response.status === 404) {
                return { kind: 'forbidden' };
            }
            return { kind: 'error' };
        }, function () {
            return { kind: 'offline' };
        });
    }

    function handle(outcome, sent) {
        showSignedOut(outcome.kind === 'signedOut');
        switch (outcome.kind) {
            case 'saved':
                versionInput.value = outcome.data.version;
                var now = readLocal();
                if (now && now.answer === sent.answer) {
                    localStorage.removeItem(key);
                    setState('saved');
                } else if (now) {
                    // typed more meanwhile: that input is now based on the version just saved
                    now.base = outcome.data.version;
                    localStorage.setItem(key, JSON.stringify(now));
                    setState('pending');
                    debounce();
                }
                break;
            case 'conflict':
                if (outcome.data && outcome.data.status === 'locked') {
                    stopped = true;
                    setState('error', outcome.data.message || '');
                    break;
                }
                stopped = true;
                setState('error', (outcome.data && outcome.data.message) || '');
                conflictBanner.hidden = false;
                break;
            case 'invalid':
                var messages = [];
                var errors = (outcome.data && outcome.data.errors) || {};
                Object.keys(errors).forEach(function (field) { messages.push(errors[field]); });
                setState('invalid', messages.join(' '));
                break;
            case 'forbidden':
                stopped = true;
                setState('forbidden');
                break;
            case 'signedOut':
                setState('pending');
                scheduleRetry();
                break;
            case 'offline':
                setState('offline');
                scheduleRetry();
                break;
            default:
                setState('error');
                scheduleRetry();
        }
    }

    function debounce() {
        clearTimeout(debounceTimer);
        debounceTimer = setTimeout(send, DEBOUNCE_MS);
    }

    function changed() {
        if (stopped) {
            // keep the local copy (based on the version the editor started from) but never autosave over theirs
            var local = readLocal();
            writeLocal(local ? local.base : versionInput.value);
            return;
        }
        var current = readLocal();
        writeLocal(current ? current.base : versionInput.value);
        setState('pending');
        debounce();
    }

    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    form.addEventListener('submit', function (event) {
        clearTimeout(debounceTimer);
        clearTimeout(retryTimer);
        if (sending) {
            // let the autosave under way finish first, or the POST would carry a version it just made stale
            event.preventDefault();
            pendingSubmit = event.submitter || true;
            return;
        }
        // the normal POST takes over (no autosave races it); unsent input keeps its local copy in case the POST
        // never arrives (offline)
        stopped = true;
        var local = readLocal();
        if (local) {
            writeLocal(local.base);
        }
    });
    window.addEventListener('online', send);
    window.addEventListener('focus', function () {
        if (readLocal() && !stopped) {
            send();
        }
    });
    document.querySelectorAll('[data-discard-local]').forEach(function (link) {
        link.addEventListener('click', function () {
            localStorage.removeItem(key);
        });
    });

    // On load: input kept from an earlier visit that the server does not have yet is put back and sent.
    var kept = readLocal();
    if (kept) {
        if (stopped) {
            // conflict page: the form already shows this facilitator's input beside theirs
        } else if (kept.answer === answer()) {
            localStorage.removeItem(key);
        } else {
            // the input was based on kept.base: if the section changed since, saving it is a conflict, never an
            // overwrite (for the autosave and for the buttons alike)
            fill(kept.answer);
            versionInput.value = kept.base;
            setState('restored');
            send();
        }
    }

    // The section can no longer be edited here (submitted, or no longer allowed): input this browser kept for it
    // is shown, so that it can be copied elsewhere, until the facilitator discards it.
    function showUnsent(answer) {
        if (!answer) {
            return;
        }
        var unsentKey = 'capacityhub.assessment.' + answer.dataset.assessmentId + '.section.' + answer.dataset.competencyId;
        var kept;
        try {
            kept = JSON.parse(localStorage.getItem(unsentKey));
        } catch (e) {
            kept = null;
        }
        if (!kept || !kept.answer) {
            return;
        }
        var params = new URLSearchParams(kept.answer);
        var lines = [];
        ['notes', 'evidence'].forEach(function (name) {
            var value = params.get(name);
            if (value) {
                lines.push(value);
            }
        });
        params.forEach(function (value, name) {
            if (name.indexOf('barrierNotes[') === 0 && value) {
                lines.push(name.substring(13, name.length - 1) + ': ' + value);
            }
        });
        if (!lines.length) {
            localStorage.removeItem(unsentKey);
            return;
        }
        var box = document.getElementById('unsent-input');
        box.querySelector('.unsent-text').textContent = lines.join('\n\n');
        box.hidden = false;
        document.getElementById('discard-unsent').addEventListener('click', function () {
            localStorage.removeItem(unsentKey);
            box.hidden = true;
        });
    }
}());
