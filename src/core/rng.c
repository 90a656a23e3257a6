/*
 * Two generators, both deterministic for a seed on every machine (integer
 * arithmetic only; the conversion to double is exact).
 *
 * RNG_R reproduces R's default generator draw for draw (METHODS §4.10), so that an
 * uncertainty analysis can be checked against COINr with the same seed. R's
 * set.seed(s) scrambles s by 50 steps of the congruential generator
 * s <- 69069 s + 1 (mod 2^32), then takes 625 more steps: the first fills the slot
 * that R keeps for the position in the state (then overwritten by 624, "state
 * used up"), the next 624 fill the Mersenne-Twister state. runif() is the tempered
 * 32-bit output times 2.3283064365386963e-10, with 0 and 1 replaced by
 * half of 1/(2^32 - 1) and one minus that.
 *
 * RNG_FAST is xoshiro256** (Blackman and Vigna, 2018), its four state words filled
 * by splitmix64 from the seed; a draw is the top 53 bits plus one half, times
 * 2^-53, which lies strictly inside (0, 1).
 */
#include "core/rng.h"

#include <string.h>

const char *const rng_kind_names[RNG__MAX] = { "fast", "r" };

#define MT_N		624
#define MT_M		397
#define MT_MATRIX_A	0x9908b0dfU
#define MT_UPPER	0x80000000U
#define MT_LOWER	0x7fffffffU

static void
rng_mt_seed(struct rng *g, uint32_t seed)
{
	int j;

	for (j = 0; j < 50; j++)
		seed = 69069U * seed + 1U;
	seed = 69069U * seed + 1U;	/* the slot R keeps for the position */
	for (j = 0; j < MT_N; j++) {
		seed = 69069U * seed + 1U;
		g->mt[j] = seed;
	}
	g->mti = MT_N;
}

static uint32_t
rng_mt_next(struct rng *g)
{
	static const uint32_t mag01[2] = { 0x0U, MT_MATRIX_A };
	uint32_t y;
	int kk;

	if (g->mti >= MT_N) {
		for (kk = 0; kk < MT_N - MT_M; kk++) {
			y = (g->mt[kk] & MT_UPPER) | (g->mt[kk + 1] & MT_LOWER);
			g->mt[kk] = g->mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1U];
		}
		for (; kk < MT_N - 1; kk++) {
			y = (g->mt[kk] & MT_UPPER) | (g->mt[kk + 1] & MT_LOWER);
			g->mt[kk] = g->mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^
			    mag01[y & 1U];
		}
		y = (g->mt[MT_N - 1] & MT_UPPER) | (g->mt[0] & MT_LOWER);
		g->mt[MT_N - 1] = g->mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1U];
		g->mti = 0;
	}
	y = g->mt[g->mti++];
	y ^= y >> 11;
	y ^= (y << 7) & 0x9d2c5680U;
	y ^= (y << 15) & 0xefc60000U;
	y ^= y >> 18;
	return y;
}

static double
rng_r_uniform(struct rng *g)
{
	const double half_step = 0.5 * 2.328306437080797e-10;
	double u = (double)rng_mt_next(g) * 2.3283064365386963e-10;

	if (u <= 0.0)
		return half_step;
	if (1.0 - u <= 0.0)
		return 1.0 - half_step;
	return u;
}

static uint64_t
rng_splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
rng_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
rng_xoshiro_next(struct rng *g)
{
	uint64_t *s = g->s;
	uint64_t result = rng_rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rng_rotl(s[3], 45);
	return result;
}

int
rng_seed(struct rng *g, enum rng_kind kind, int64_t seed)
{
	uint64_t x;
	int i;

	memset(g, 0, sizeof(*g));
	g->kind = kind;
	switch (kind) {
	case RNG_R:
		if (seed < -2147483647LL || seed > 2147483647LL)
			return -1;
		rng_mt_seed(g, (uint32_t)(int32_t)seed);
		return 0;
	case RNG_FAST:
		x = (uint64_t)seed;
		for (i = 0; i < 4; i++)
			g->s[i] = rng_splitmix64(&x);
		return 0;
	default:
		return -1;
	}
}

double
rng_uniform(struct rng *g)
{
	if (g->kind == RNG_R)
		return rng_r_uniform(g);
	return ((double)(rng_xoshiro_next(g) >> 11) + 0.5) * 0x1.0p-53;
}

int
rng_kind_parse(const char *name, enum rng_kind *kind)
{
	int k;

	for (k = 0; k < RNG__MAX; k++) {
		if (strcmp(name, rng_kind_names[k]) == 0) {
			*kind = (enum rng_kind)k;
			return 0;
		}
	}
	return -1;
}
