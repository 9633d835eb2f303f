using VideoConf.Server.Storage;

namespace VideoConf.Server.Events;

/// <summary>A message was stored in its room (today: the <c>videoconf</c> message a call starts with).</summary>
internal sealed record MessagePosted(MessageRecord Message) : ServerEvent;
