using System.Net;

namespace Distributed.Data.Manifests;

/// <summary>
/// Downloads an http(s) image, following up to 5 redirects by hand, each to the original host or a host the policy
/// allows (else <c>http_not_allowed</c>). 404/410 → <c>missing_file</c>; 408, 429, 5xx, network errors and timeouts
/// → transient <c>http_error</c>; other failures → permanent <c>http_error</c>. The cap is checked against
/// Content-Length first, then while reading.
/// </summary>
internal static class HttpImageReader
{
    private const int MaxRedirects = 5;

    public static async Task<byte[]> ReadAsync(
        HttpClient http, HttpImage image, ImageSourcePolicy policy, long maxBytes, CancellationToken ct)
    {
        var reference = image.Reference;
        var uri = image.Uri;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    uri = NextHop(image, uri, location, policy, hop);
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                {
                    throw ImageSourceException.Permanently(ImageSourceReasons.MissingFile, reference, $"HTTP {status}");
                }

                if (!response.IsSuccessStatusCode)
                {
                    var transient = status is 408 or 429 or >= 500;
                    throw new ImageSourceException(
                        ImageSourceReasons.HttpError, !transient, reference, $"Image '{reference}': HTTP {status} (http_error).");
                }

                if (response.Content.Headers.ContentLength > maxBytes)
                {
                    throw CappedReader.TooLarge(reference, maxBytes);
                }

                var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return await CappedReader.ReadAsync(stream, maxBytes, reference, ct).ConfigureAwait(false);
                }
            }
        }
        catch (HttpRequestException ex)
        {
            throw ImageSourceException.Transiently(ImageSourceReasons.HttpError, reference, ex.Message, ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw ImageSourceException.Transiently(ImageSourceReasons.HttpError, reference, "the request timed out", ex);
        }
    }

    private static Uri NextHop(HttpImage image, Uri current, Uri location, ImageSourcePolicy policy, int hop)
    {
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (hop >= MaxRedirects)
        {
            throw ImageSourceException.Permanently(ImageSourceReasons.HttpError, image.Reference, "too many redirects");
        }

        var sameHost = string.Equals(next.Host, image.Uri.Host, StringComparison.OrdinalIgnoreCase);
        return next.Scheme is "http" or "https" && (sameHost || policy.AllowsHost(next.Host))
            ? next
            : throw ImageSourceException.Permanently(
                ImageSourceReasons.HttpNotAllowed, image.Reference, $"redirected to '{next}', whose host is not allowed");
    }
}
