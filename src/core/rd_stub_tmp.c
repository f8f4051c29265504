#include "rd.h"
ent_status ent_rd_xlsx_dots(ent_ctx *ctx, const char *const *paths, size_t n, char **out, size_t *len)
{ (void)paths; (void)n; (void)out; (void)len; return ent_err(ctx, ENT_EINVAL, "todo"); }
ent_status ent_rd_json_schema(ent_ctx *ctx, const char *const *paths, size_t n, char **out, size_t *len)
{ (void)paths; (void)n; (void)out; (void)len; return ent_err(ctx, ENT_EINVAL, "todo"); }
