/* Unit tests of web/server's signal handling (server.h): a SIGINT or SIGTERM
 * that arrives while the server starts is never lost, even where the
 * inherited action is "ignore" (SIGINT in a shell's background job), and
 * signals left pending when server_run() returns are taken, so that they
 * cannot kill the process after its clean stop.
 *
 * "Arrives while the server starts" is made deterministic here: the signal
 * is raised while blocked, before server_run() is called, so it is pending
 * when the server reaches sigwait() — what happens when it arrives between
 * the block at the top of server_run() and the "serving" line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "web/server.h"

/* Runs server_run() on 127.0.0.1:0 without a database and returns its
 * result; what it printed goes to out and err (each up to 512 bytes). */
static int
run_server(char *out, char *err)
{
	struct server_config cfg;
	struct error e;
	FILE *o = tmpfile(), *r = tmpfile();
	size_t n;
	int rc;

	assert_non_null(o);
	assert_non_null(r);
	server_config_init(&cfg);
	cfg.listen = "127.0.0.1:0";
	cfg.threads = 1;
	cfg.out = o;
	cfg.err = r;
	rc = server_run(&cfg, &e);
	rewind(o);
	n = fread(out, 1, 511, o);
	out[n] = '\0';
	rewind(r);
	n = fread(err, 1, 511, r);
	err[n] = '\0';
	fclose(o);
	fclose(r);
	return rc;
}

static void
block(int sig, sigset_t *old)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, sig);
	assert_int_equal(pthread_sigmask(SIG_BLOCK, &s, old), 0);
}

static int
pending(int sig)
{
	sigset_t s;

	assert_int_equal(sigpending(&s), 0);
	return sigismember(&s, sig);
}

/* A SIGTERM pending at start: the server starts, says so, and stops with 0. */
static void
test_term_during_start(void **state)
{
	char out[512], err[512];
	sigset_t old;

	block(SIGTERM, &old);
	raise(SIGTERM);
	assert_true(pending(SIGTERM));
	assert_int_equal(run_server(out, err), 0);
	assert_non_null(strstr(out, "wiall: serving http://127.0.0.1:"));
	assert_non_null(strstr(err, "SIGTERM received, stopping"));
	assert_false(pending(SIGTERM));
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* SIGINT with the action "ignore", as a shell leaves it for `wiall serve &`:
 * once blocked it is kept pending all the same, and it stops the server. */
static void
test_ignored_int_during_start(void **state)
{
	char out[512], err[512];
	struct sigaction ign, prev;
	sigset_t old;

	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	assert_int_equal(sigaction(SIGINT, &ign, &prev), 0);
	block(SIGINT, &old);
	raise(SIGINT);
	assert_true(pending(SIGINT));
	assert_int_equal(run_server(out, err), 0);
	assert_non_null(strstr(err, "SIGINT received, stopping"));
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	sigaction(SIGINT, &prev, NULL);
}

/* Two signals (Ctrl-C, then SIGTERM while the server stops): the first
 * stops it, the second is taken, none is left to strike after the return. */
static void
test_second_signal_taken(void **state)
{
	char out[512], err[512];
	sigset_t old, s;

	sigemptyset(&s);
	sigaddset(&s, SIGINT);
	sigaddset(&s, SIGTERM);
	assert_int_equal(pthread_sigmask(SIG_BLOCK, &s, &old), 0);
	raise(SIGINT);
	raise(SIGTERM);
	assert_int_equal(run_server(out, err), 0);
	assert_non_null(strstr(err, "received, stopping"));
	assert_false(pending(SIGINT));
	assert_false(pending(SIGTERM));
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* A start that fails (no such address) takes the pending signal too and
 * returns -1 with the reason; the mask is the caller's again. */
static void
test_failed_start(void **state)
{
	struct server_config cfg;
	struct error e;
	sigset_t old, now;

	block(SIGTERM, &old);
	raise(SIGTERM);
	server_config_init(&cfg);
	cfg.listen = "127.0.0.1:0";
	cfg.db_path = "/nonexistent/wiall-test/no.db";
	assert_int_equal(server_run(&cfg, &e), -1);
	assert_non_null(strstr(e.message, "no.db"));
	assert_false(pending(SIGTERM));
	assert_int_equal(pthread_sigmask(SIG_SETMASK, NULL, &now), 0);
	assert_true(sigismember(&now, SIGTERM));	/* blocked, as we left it */
	assert_false(sigismember(&now, SIGINT));
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_term_during_start),
		cmocka_unit_test(test_ignored_int_during_start),
		cmocka_unit_test(test_second_signal_taken),
		cmocka_unit_test(test_failed_start),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
