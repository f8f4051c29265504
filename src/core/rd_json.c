/*
 * rd_json.c -- reader backend (recipe "json-schema") for BigQuery table
 * descriptions (GDELT's events1.json and eventsv2.json, as gdeltPyR ships
 * them) through json-c: the fields of schema.fields become the CSV
 * name,type,description, as the prepared codebooks were made (csv.writer,
 * LF; each line of a description with its trailing white space removed).
 * Errors name the file, the line of a syntax error, or the JSON path of the
 * member that is missing or not text ("schema.fields[3].name").
 */
#include "rd.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

/* put_desc writes s with every line's trailing blanks removed (Python's
 * rstrip per line), then csv-quoted. */
static void put_desc(ent_rdbuf *b, const char *s)
{
    ent_rdbuf t = {.ctx = b->ctx};
    ent_rdbuf_put(&t, "", 0);
    while (1) {
        const char *nl = strchr(s, '\n');
        size_t k = nl ? (size_t)(nl - s) : strlen(s);
        while (k && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\r' ||
                     s[k - 1] == '\f' || s[k - 1] == '\v'))
            k--;
        ent_rdbuf_put(&t, s, k);
        if (!nl)
            break;
        ent_rdbuf_put(&t, "\n", 1);
        s = nl + 1;
    }
    if (t.oom)
        b->oom = t.oom;
    else
        ent_rdbuf_field(b, t.p, t.n, ',');
    ent_free(b->ctx, t.p);
}

ent_status ent_rd_json_mem(ent_ctx *ctx, const char *label, const char *data, size_t n,
                           char **out, size_t *len)
{
    struct json_tokener *tok = json_tokener_new_ex(64);
    struct json_object *root = NULL, *schema, *fields;
    ent_rdbuf b = {.ctx = ctx};
    ent_status st = ENT_OK;
    if (!tok)
        return ent_err(ctx, ENT_ENOMEM, "%s: out of memory", label);
    if (n > (size_t)INT32_MAX) {
        json_tokener_free(tok);
        return ent_err(ctx, ENT_EPARSE, "%s: too large for the JSON reader", label);
    }
    root = json_tokener_parse_ex(tok, data, (int)n);
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    if (!root || jerr != json_tokener_success || json_tokener_get_parse_end(tok) < n) {
        size_t at = json_tokener_get_parse_end(tok), line = 1;
        int trailing = root && jerr == json_tokener_success;
        for (size_t i = 0; i < at && i < n; i++)
            line += data[i] == '\n';
        /* blanks after the value are fine */
        while (trailing && at < n && strchr(" \t\r\n", data[at]))
            at++;
        if (!trailing || at < n) {
            st = ent_err(ctx, ENT_EPARSE, "%s:%zu: malformed JSON: %s", label, line,
                         trailing ? "text after the value"
                                  : json_tokener_error_desc(jerr == json_tokener_success
                                                                ? json_tokener_error_parse_eof
                                                                : jerr));
            goto out;
        }
    }
    if (!json_object_object_get_ex(root, "schema", &schema) ||
        !json_object_object_get_ex(schema, "fields", &fields) ||
        !json_object_is_type(fields, json_type_array)) {
        st = ent_err(ctx, ENT_EPARSE, "%s: schema.fields: missing or not an array", label);
        goto out;
    }
    ent_rdbuf_put(&b, "name,type,description\n", 22);
    for (size_t i = 0; i < json_object_array_length(fields); i++) {
        static const char *const keys[3] = {"name", "type", "description"};
        struct json_object *f = json_object_array_get_idx(fields, i);
        if (!json_object_is_type(f, json_type_object)) {
            st = ent_err(ctx, ENT_EPARSE, "%s: schema.fields[%zu]: not an object", label, i);
            goto out;
        }
        for (int k = 0; k < 3; k++) {
            struct json_object *v = NULL;
            const char *s = "";
            if (json_object_object_get_ex(f, keys[k], &v)) {
                if (!json_object_is_type(v, json_type_string)) {
                    st = ent_err(ctx, ENT_EPARSE, "%s: schema.fields[%zu].%s: not a string",
                                 label, i, keys[k]);
                    goto out;
                }
                s = json_object_get_string(v);
            }
            if (v && strlen(s) != (size_t)json_object_get_string_len(v)) {
                st = ent_err(ctx, ENT_EPARSE, "%s: schema.fields[%zu].%s: NUL inside the text",
                             label, i, keys[k]);
                goto out;
            }
            if (k)
                ent_rdbuf_put(&b, ",", 1);
            if (k == 2)
                put_desc(&b, s);
            else
                ent_rdbuf_field(&b, s, strlen(s), ',');
        }
        ent_rdbuf_put(&b, "\n", 1);
    }
    st = ent_rdbuf_done(&b, label, out, len);
out:
    if (st != ENT_OK)
        ent_free(ctx, b.p);
    json_object_put(root);
    json_tokener_free(tok);
    return st;
}

ent_status ent_rd_json_schema(ent_ctx *ctx, const char *const *paths, size_t n, char **out,
                              size_t *len)
{
    unsigned char *data;
    size_t k;
    ent_status st;
    if (n != 1)
        return ent_err(ctx, ENT_EINVAL, "%s: recipe json-schema reads one file", paths[0]);
    const char *base = strrchr(paths[0], '/');
    if ((st = ent_rd_slurp(ctx, paths[0], &data, &k)) != ENT_OK)
        return st;
    st = ent_rd_json_mem(ctx, base ? base + 1 : paths[0], (const char *)data, k, out, len);
    ent_free(ctx, data);
    return st;
}
