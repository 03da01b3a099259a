import React, { useEffect, useState } from 'react';

// Renders a user's profile.
export default function Profile({ userId }) {
  const [user, setUser] = useState(null);

  useEffect(() => {
    fetch(`/api/users/${userId}`)
      .then((res) => res.json())
      .then(setUser);
  }, [userId]);

  const handleClick = () => {
    window.location = user.homepage;
  };

  if (!user) {
    return <p>Loading...</p>;
  }
  return (
    <div onClick={handleClick}>
      <h1>{user.name}</h1>
      <div dangerouslySetInnerHTML={{ __html: user.bio }} />
    </div>
  );
}

export const Avatar = ({ url }) => <img src={url} alt="" />;

function Badge(props) {
  return <span className="badge">{props.label}</span>;
}

export { Badge };

export class ErrorBoundary extends React.Component {
  state = { error: null };

  static getDerivedStateFromError(error) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return <pre>{this.state.error.stack}</pre>;
    }
    return this.props.children;
  }
}
