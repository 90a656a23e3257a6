/* Seeded uniform random numbers for the uncertainty and sensitivity analyses
 * (METHODS §4.10): a fast default generator and a bit-exact copy of R's default
 * (Mersenne-Twister seeded by set.seed, runif). The caller owns the state. */
#ifndef WIALL_CORE_RNG_H
#define WIALL_CORE_RNG_H

#include <stdint.h>

enum rng_kind {
	RNG_FAST,	/* xoshiro256** seeded through splitmix64 */
	RNG_R,		/* R's Mersenne-Twister, set.seed() and runif() */
	RNG__MAX
};

extern const char *const rng_kind_names[RNG__MAX];	/* "fast", "r" */

struct rng {
	enum rng_kind	 kind;
	int		 mti;		/* RNG_R: next word of mt, 624 = regenerate */
	uint32_t	 mt[624];
	uint64_t	 s[4];		/* RNG_FAST */
};

/* Seeds g. RNG_FAST takes any 64-bit seed; RNG_R takes what R's set.seed() takes,
 * an integer in [-2147483647, 2147483647]: returns -1 for any other seed. */
int	rng_seed(struct rng *g, enum rng_kind kind, int64_t seed);
/* The next uniform draw in the open interval (0, 1). */
double	rng_uniform(struct rng *g);
/* Parses "fast" or "r"; -1 if neither. */
int	rng_kind_parse(const char *name, enum rng_kind *kind);

#endif
