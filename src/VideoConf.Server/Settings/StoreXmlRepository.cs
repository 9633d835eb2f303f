using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using VideoConf.Server.Storage;

namespace VideoConf.Server.Settings;

/// <summary>Keeps Data Protection's key ring in the store, so every instance on that store can read the secrets.</summary>
internal sealed class StoreXmlRepository(IDataProtectionKeyStore keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => keys.GetAllXml().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) => keys.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
