/* Sends raw bytes to a server on 127.0.0.1 and prints what comes back, for
 * HTTP tests of malformed requests and idle connections.
 *   rawhttp PORT [WAIT]   sends stdin, then reads until the server closes
 *                         or WAIT seconds (default 5) pass
 *   rawhttp PORT WAIT --idle   sends nothing; prints "connected" on
 *                         stderr once the connection is established
 * Exit: 0 the server closed the connection, 3 it was still open after WAIT,
 * 1 no connection. The answer goes to stdout. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct sockaddr_in a;
	char buf[65536];
	double wait = argc > 2 ? atof(argv[2]) : 5.0, end;
	int idle = argc > 3 && strcmp(argv[3], "--idle") == 0;
	int fd;
	ssize_t n;

	if (argc < 2) {
		fprintf(stderr, "usage: rawhttp PORT [WAIT [--idle]]\n");
		return 2;
	}
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)atoi(argv[1]));
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0) {
		perror("connect");
		return 1;
	}
	if (idle) {
		fputs("connected\n", stderr);
		fflush(stderr);
	} else {
		while ((n = read(0, buf, sizeof(buf))) > 0) {
			ssize_t off = 0;
			while (off < n) {
				ssize_t w = send(fd, buf + off, (size_t)(n - off),
				    MSG_NOSIGNAL);
				if (w <= 0)
					goto receive;	/* the server gave up on us */
				off += w;
			}
		}
	}
receive:
	end = now() + wait;
	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		int ms = (int)((end - now()) * 1000.0);
		if (ms <= 0) {
			close(fd);
			return 3;
		}
		if (poll(&p, 1, ms) <= 0)
			continue;
		n = recv(fd, buf, sizeof(buf), 0);
		if (n <= 0)
			break;		/* closed (or reset): either way, closed */
		fwrite(buf, 1, (size_t)n, stdout);
	}
	close(fd);
	return 0;
}
