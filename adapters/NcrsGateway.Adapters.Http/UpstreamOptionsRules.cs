using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Http;

/// <summary>Cross-field rules on <see cref="UpstreamOptions"/> that every adapter's <c>XxxOptionsRules</c> applies.</summary>
public static class UpstreamOptionsRules
{
    /// <summary>
    /// Adds an error unless <see cref="UpstreamOptions.BaseUrl"/> is an absolute https URL whose path ends in '/'. Plain
    /// http only to a loopback host (a sandbox simulator or a local stand-in): anywhere else the upstream token and the
    /// patient data would travel in clear.
    /// </summary>
    /// <param name="builder">Collects the errors.</param>
    /// <param name="options">The options being validated.</param>
    /// <param name="sectionName">The adapter's configuration section, named in the message (e.g. <c>Adapters:Pds</c>).</param>
    /// <returns>The base URL when it passed these checks (so the caller may check it further), otherwise null.</returns>
    public static Uri? ValidateBaseUrl(ValidateOptionsResultBuilder builder, UpstreamOptions options, string sectionName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseUrl is not { IsAbsoluteUri: true, Scheme: "https" or "http" } url)
        {
            builder.AddError($"must be an absolute http(s) URL (leave {sectionName}:BaseUrl unset when {sectionName} is not used)", nameof(UpstreamOptions.BaseUrl));
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            builder.AddError("must be an https URL: plain http is allowed only to a loopback host (localhost, 127.0.0.1, ::1), since the upstream token and patient data would travel in clear", nameof(UpstreamOptions.BaseUrl));
            return null;
        }

        if (!url.AbsolutePath.EndsWith('/'))
        {
            builder.AddError("must end with '/' so relative paths resolve under it (a missing one is added when bound from configuration)", nameof(UpstreamOptions.BaseUrl));
            return null;
        }

        return url;
    }

    /// <summary>
    /// <see cref="ValidateBaseUrl(ValidateOptionsResultBuilder, UpstreamOptions, string)"/>, then that the URL ends with the
    /// national API's base path (<paramref name="basePath"/>, case-insensitive), naming <paramref name="api"/> in the message.
    /// </summary>
    /// <returns>The base URL when it passed every check, otherwise null.</returns>
    public static Uri? ValidateBaseUrl(ValidateOptionsResultBuilder builder, UpstreamOptions options, string sectionName, string basePath, string api)
    {
        if (ValidateBaseUrl(builder, options, sectionName) is not { } url)
        {
            return null;
        }

        if (!url.AbsolutePath.EndsWith(basePath, StringComparison.OrdinalIgnoreCase))
        {
            builder.AddError($"must end with '{basePath}' ({api})", nameof(UpstreamOptions.BaseUrl));
            return null;
        }

        return url;
    }

    /// <summary>Adds an error when <see cref="UpstreamOptions.TotalTimeout"/> is shorter than <see cref="UpstreamOptions.AttemptTimeout"/>.</summary>
    /// <param name="builder">Collects the errors.</param>
    /// <param name="options">The options being validated.</param>
    public static void ValidateTimeouts(ValidateOptionsResultBuilder builder, UpstreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TotalTimeout < options.AttemptTimeout)
        {
            builder.AddError("must be at least AttemptTimeout", nameof(UpstreamOptions.TotalTimeout));
        }
    }
}
